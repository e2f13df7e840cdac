package io.shelfstream.bench.catalog;

import java.time.Duration;
import java.util.Map;

/**
 * Shelfstream over HTTP: {@value HttpFeed#SENDERS} senders POST {@value HttpFeed#BATCH}-line
 * batches, encoded before the clock starts, timed to the last acknowledgement.
 */
final class ShelfstreamHttpTarget {
  static final String NAME = "shelfstream-http";
  private static final Duration FEED_TIMEOUT = Duration.ofMinutes(30);

  private ShelfstreamHttpTarget() {}

  static TargetResult run(RunContext context) throws Exception {
    CatalogWorkload workload = context.workload();
    byte[][] bodies = encode(workload);
    String schema = context.database().freshSchema(NAME + "_" + context.round());
    try {
      try (NodeChild node = context.startNode(NAME, schema)) {
        context.database().checkpoint();
        CpuWindow window = CpuWindow.start(Map.of("node", node.pid()));
        HttpFeed.Fed fed =
            new HttpFeed(node.api().uri())
                .send(
                    0,
                    bodies.length,
                    batch -> bodies[batch],
                    new Progress(NAME + " acknowledged", workload.size()),
                    FEED_TIMEOUT);
        CpuWindow.Drain drain = window.stop(fed.accepted());
        Console.line(
            "%s: %,d accepted (%,d duplicates after resends) in %.1f s, %,.0f events/s",
            NAME,
            fed.accepted(),
            fed.duplicates(),
            drain.fromStart().seconds(),
            drain.fromStart().eventsPerSecond());
        long journal =
            context.database().number("SELECT count(*) FROM " + schema + ".event_journal");
        GoldenCheck.Outcome check = GoldenCheck.onNode(node.api(), context.sample());
        return new TargetResult(
            context.round(),
            NAME,
            fed.accepted(),
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

  private static byte[][] encode(CatalogWorkload workload) {
    CatalogLines lines = new CatalogLines(workload);
    int batches = (workload.size() + HttpFeed.BATCH - 1) / HttpFeed.BATCH;
    byte[][] bodies = new byte[batches][];
    for (int batch = 0; batch < batches; batch++) {
      bodies[batch] =
          lines.posBody(
              batch * HttpFeed.BATCH, Math.min(workload.size(), (batch + 1) * HttpFeed.BATCH));
    }
    return bodies;
  }
}
