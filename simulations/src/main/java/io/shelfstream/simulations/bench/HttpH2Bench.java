package io.shelfstream.simulations.bench;

import java.util.List;

/** Benchmark 5: the HTTP runs of benchmark 1, on nodes with embedded H2 instead of PostgreSQL. */
final class HttpH2Bench {

  private HttpH2Bench() {}

  static Section run(BenchContext context, Findings findings) throws Exception {
    List<HttpRuns.Run> runs = HttpRuns.saturate(context, "http-h2", false);
    Series rate = HttpRunTable.acceptedPerSecond(runs);
    findings.httpH2Rate = rate;
    Section section =
        new Section("h2", "5. HTTP → embedded H2, one node")
            .text(
                "Benchmark 1's saturation runs (same world, noise, senders, batches and length),"
                    + " on nodes without `SHELFSTREAM_DB_URL`: the journal is an H2 file database"
                    + " in the node's data directory (`WRITE_DELAY=0`, so every commit is in the"
                    + " file before the node answers).")
            .text(
                "- **%s accepted events/s** (median of %d runs)\n"
                    + "- ack latency: p50 %s ms, p99 %s ms",
                rate.describe("%,.0f"),
                rate.values().size(),
                HttpRunTable.series(runs, run -> run.load().ackLatencyMillis().p50())
                    .describe("%,.0f"),
                HttpRunTable.series(runs, run -> run.load().ackLatencyMillis().p99())
                    .describe("%,.0f"))
            .table(HttpRunTable.of(runs))
            .text(
                "Correctness: %s (%d mismatches). %s",
                HttpRunTable.allCorrect(runs) ? "**OK**" : "**FAILED**",
                HttpRunTable.mismatches(runs),
                HttpRunTable.sendingSide(runs))
            .summary("5. HTTP → embedded H2, saturation", rate.describe("%,.0f") + " events/s")
            .raw("runs", runs)
            .raw("medianAcceptedPerSecond", rate.median());
    if (findings.httpPostgresRate != null) {
      double ratio = rate.median() / findings.httpPostgresRate.median();
      section
          .text("H2 ÷ PostgreSQL (medians of this bench run): **%.2f**.", ratio)
          .summary("5. H2 ÷ PostgreSQL", Series.format("%.2f", ratio) + " (ratio of medians)")
          .raw("h2OverPostgres", ratio);
    }
    return section;
  }
}
