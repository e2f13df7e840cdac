package io.shelfstream.bench.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.bench.load.Progress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The node's integration API, as an operator uses it: create, watch until caught up, delete. */
public final class Integrations {
  public static final int MAX_POLL_RECORDS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(15);

  private Integrations() {}

  /** Creates a Kafka integration reading {@code topic} as POS transactions. */
  public static void create(URI node, String id, String bootstrapServers, String topic)
      throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .put("type", "kafka")
                .put("bootstrap-servers", bootstrapServers)
                .put("max-poll-records", MAX_POLL_RECORDS)
                .set("topics", JSON.createObjectNode().put("transactions", topic)));
    send(
        HttpRequest.newBuilder(uri(node, id))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public static void delete(URI node, String id) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(uri(node, id)).DELETE());
  }

  /**
   * Polls the status every 100 ms until every record is read and committed (totalLag 0): offsets
   * are committed only once events are durable, so the time includes the last commit.
   */
  public static JsonNode awaitCaughtUp(URI node, String id, long records)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    JsonNode[] last = {JSON.createObjectNode()};
    try (Progress progress =
        Progress.counting(
            "records read", () -> last[0].path("read").asLong(), records, CATCH_UP_TIMEOUT)) {
      while (System.nanoTime() < deadline) {
        JsonNode status = JSON.readTree(send(HttpRequest.newBuilder(uri(node, id)).GET()));
        last[0] = status;
        JsonNode lag = status.path("details").path("totalLag");
        if (lag.isNumber() && lag.asLong() == 0 && status.path("read").asLong() >= records) {
          return status;
        }
        if ("failed".equals(status.path("state").asText())) {
          throw new IOException("the integration failed: " + status);
        }
        Thread.sleep(100);
      }
    }
    throw new IOException("the integration did not catch up within 15 min: " + last[0]);
  }

  private static String send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> answer = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IOException(
          built.method()
              + " "
              + built.uri()
              + " answered "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
    return answer.body();
  }

  private static URI uri(URI node, String id) {
    return node.resolve("/v1/integrations/" + id);
  }
}
