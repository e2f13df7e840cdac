package io.shelfstream.bench.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.scenario.ScenarioContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/** The node's integration API, as an operator uses it: create, watch until done, delete. */
public final class Integrations {
  public static final int MAX_POLL_RECORDS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private Integrations() {}

  /** {@code PUT /v1/integrations/{id}} of {@code body}. */
  public static void create(URI node, String id, ObjectNode body)
      throws IOException, InterruptedException {
    Posts.exchange(
        HttpRequest.newBuilder(uri(node, id))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  public static void delete(URI node, String id) throws IOException, InterruptedException {
    Posts.exchange(HttpRequest.newBuilder(uri(node, id)).DELETE());
  }

  /**
   * Creates a Kafka integration reading {@code topic} as POS transactions, then polls its status
   * until every record is read and committed (totalLag 0), telling {@code accepted} each status's
   * count of accepted events: offsets are committed only once events are durable, so the time
   * includes the last commit.
   */
  public static JsonNode drain(
      URI node,
      String id,
      String servers,
      String topic,
      int maxPoll,
      long records,
      LongConsumer accepted)
      throws IOException, InterruptedException {
    ObjectNode body =
        JSON.createObjectNode()
            .put("type", "kafka")
            .put("bootstrap-servers", servers)
            .put("max-poll-records", maxPoll);
    body.putObject("topics").put("transactions", topic);
    create(node, id, body);
    return await(
        node,
        id,
        Duration.ofMinutes(15),
        status -> {
          accepted.accept(status.path("accepted").asLong());
          JsonNode lag = status.path("details").path("totalLag");
          return lag.isNumber() && lag.asLong() == 0 && status.path("read").asLong() >= records;
        },
        status -> String.format("%,d of %,d records read", status.path("read").asLong(), records));
  }

  /** {@link #drain} with the default poll size, counting nothing. */
  public static JsonNode drain(URI node, String id, String servers, String topic, long records)
      throws IOException, InterruptedException {
    return drain(node, id, servers, topic, MAX_POLL_RECORDS, records, accepted -> {});
  }

  /**
   * Polls the status every 100 ms until {@code done} holds; fails when the integration fails or
   * after {@code timeout}, saying where it was with {@code progress}, as it does every 10 s.
   */
  public static JsonNode await(
      URI node,
      String id,
      Duration timeout,
      Predicate<JsonNode> done,
      Function<JsonNode, String> progress)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    JsonNode[] status = {JSON.createObjectNode()};
    try (var ticker =
        ScenarioContext.every10Seconds(
            () ->
                String.format(
                    "integration %s: %s in %.0f s",
                    id, progress.apply(status[0]), (System.nanoTime() - started) / 1e9))) {
      while (System.nanoTime() - started < timeout.toNanos()) {
        status[0] = JSON.readTree(Posts.exchange(HttpRequest.newBuilder(uri(node, id))));
        if (done.test(status[0])) {
          return status[0];
        }
        if ("failed".equals(status[0].path("state").asText())) {
          throw new IOException("the integration failed: " + status[0]);
        }
        Thread.sleep(100);
      }
    }
    throw new IOException(
        String.format(
            "integration %s was not done within %d s (%s): %s",
            id, timeout.toSeconds(), progress.apply(status[0]), status[0]));
  }

  private static URI uri(URI node, String id) {
    return node.resolve("/v1/integrations/" + id);
  }
}
