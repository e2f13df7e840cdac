package io.shelfstream.bench.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.scenario.ScenarioContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.LongConsumer;

/** The node's integration API, as an operator uses it: create, watch until caught up, delete. */
public final class Integrations {
  public static final int MAX_POLL_RECORDS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_NANOS = 15 * 60 * 1_000_000_000L;

  private Integrations() {}

  /** Creates a Kafka integration reading {@code topic} as POS transactions. */
  public static void create(URI node, String id, String servers, String topic)
      throws IOException, InterruptedException {
    create(node, id, servers, topic, MAX_POLL_RECORDS);
  }

  public static void create(URI node, String id, String servers, String topic, int maxPoll)
      throws IOException, InterruptedException {
    var body =
        JSON.createObjectNode()
            .put("type", "kafka")
            .put("bootstrap-servers", servers)
            .put("max-poll-records", maxPoll)
            .set("topics", JSON.createObjectNode().put("transactions", topic));
    Posts.exchange(
        HttpRequest.newBuilder(uri(node, id))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public static void delete(URI node, String id) throws IOException, InterruptedException {
    Posts.exchange(HttpRequest.newBuilder(uri(node, id)).DELETE());
  }

  /**
   * Polls the status every 100 ms until every record is read and committed (totalLag 0): offsets
   * are committed only once events are durable, so the time includes the last commit.
   */
  public static JsonNode awaitCaughtUp(URI node, String id, long records)
      throws IOException, InterruptedException {
    return awaitCaughtUp(node, id, records, accepted -> {});
  }

  /** The same, telling {@code accepted} every status's count of accepted events. */
  public static JsonNode awaitCaughtUp(URI node, String id, long records, LongConsumer accepted)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    JsonNode[] status = {JSON.createObjectNode()};
    try (var progress =
        ScenarioContext.every10Seconds(
            () ->
                String.format(
                    "integration %s: %,d of %,d records read in %.0f s",
                    id,
                    status[0].path("read").asLong(),
                    records,
                    (System.nanoTime() - started) / 1e9))) {
      while (System.nanoTime() - started < TIMEOUT_NANOS) {
        status[0] = JSON.readTree(Posts.exchange(HttpRequest.newBuilder(uri(node, id))));
        accepted.accept(status[0].path("accepted").asLong());
        JsonNode lag = status[0].path("details").path("totalLag");
        if (lag.isNumber() && lag.asLong() == 0 && status[0].path("read").asLong() >= records) {
          return status[0];
        }
        if ("failed".equals(status[0].path("state").asText())) {
          throw new IOException("the integration failed: " + status[0]);
        }
        Thread.sleep(100);
      }
    }
    throw new IOException("the integration did not catch up within 15 min: " + status[0]);
  }

  private static URI uri(URI node, String id) {
    return node.resolve("/v1/integrations/" + id);
  }
}
