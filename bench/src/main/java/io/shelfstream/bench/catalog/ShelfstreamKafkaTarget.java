package io.shelfstream.bench.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Shelfstream over Kafka: every event in the topic first, then the node's Kafka integration created
 * and timed until it has read and committed them all (totalLag 0).
 */
final class ShelfstreamKafkaTarget {
  static final String NAME = "shelfstream-kafka";
  private static final String INTEGRATION = "hc-kafka";
  private static final int MAX_POLL_RECORDS = 2000;
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

  private ShelfstreamKafkaTarget() {}

  static TargetResult run(RunContext context) throws Exception {
    CatalogWorkload workload = context.workload();
    String schema = context.database().freshSchema(NAME + "_" + context.round());
    try (BrokerChild broker = context.startBroker(NAME)) {
      CatalogLines lines = new CatalogLines(workload);
      TopicFill.produce(
          broker.bootstrapServers(),
          RunContext.TOPIC,
          workload.size(),
          event -> CatalogLines.eventId(workload, event).getBytes(StandardCharsets.UTF_8),
          event -> lines.posLine(event).getBytes(StandardCharsets.UTF_8));
      try (NodeChild node = context.startNode(NAME, schema)) {
        context.database().checkpoint();
        CpuWindow window = CpuWindow.start(Map.of("node", node.pid(), "broker", broker.pid()));
        node.api()
            .createKafkaIntegration(
                INTEGRATION, broker.bootstrapServers(), RunContext.TOPIC, MAX_POLL_RECORDS);
        JsonNode status = awaitDrained(node, window, workload.size());
        CpuWindow.Drain drain = window.stop(status.path("accepted").asLong());
        Console.line(
            "%s: %,d accepted in %.1f s, %,.0f events/s from the first accepted",
            NAME,
            status.path("accepted").asLong(),
            drain.fromStart().seconds(),
            drain.fromFirst().eventsPerSecond());
        long journal =
            context.database().number("SELECT count(*) FROM " + schema + ".event_journal");
        GoldenCheck.Outcome check = GoldenCheck.onNode(node.api(), context.sample());
        return new TargetResult(
            context.round(),
            NAME,
            status.path("accepted").asLong(),
            drain,
            journal,
            context.distinctRecords(),
            check.sampled(),
            check.mismatches(),
            check.firstMismatch());
      }
    } finally {
      context.database().drop(schema);
    }
  }

  private static JsonNode awaitDrained(NodeChild node, CpuWindow window, long events)
      throws Exception {
    Deadline drained =
        Deadline.in(
            DRAIN_TIMEOUT, "the Kafka integration to read all " + events + " events (totalLag 0)");
    Progress progress = new Progress(NAME + " accepted", events);
    while (true) {
      JsonNode status = node.api().integration(INTEGRATION);
      long accepted = status.path("accepted").asLong();
      window.firstSeen(accepted);
      JsonNode lag = status.path("details").path("totalLag");
      if (lag.isNumber() && lag.asLong() == 0 && status.path("read").asLong() >= events) {
        return status;
      }
      if ("failed".equals(status.path("state").asText())) {
        throw new IllegalStateException("the Kafka integration failed: " + status);
      }
      progress.update(accepted);
      node.checkAlive();
      drained.pause(100, "status " + status);
    }
  }
}
