package io.shelfstream.simulations.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Benchmarks 1 and 2: HTTP into one node on PostgreSQL at saturation, then at a fixed rate; and the
 * physical limit, COPY of the very rows each measured run wrote, into the same database.
 */
final class HttpPostgresBench {

  private static final double FIXED_RATE_CAP = 5_000;

  private HttpPostgresBench() {}

  static List<Section> run(BenchContext context, Findings findings) throws Exception {
    List<HttpRuns.Run> runs = HttpRuns.saturate(context, "http-pg", true);
    Series rate = HttpRunTable.acceptedPerSecond(runs);
    findings.httpPostgresRate = rate;
    double fixedRate = Math.min(FIXED_RATE_CAP, rate.median() / 2);
    List<HttpRuns.Run> fixed = new ArrayList<>();
    for (int i = 1; i <= context.options().runs(); i++) {
      Console.info(
          "http-pg fixed rate run %d: %,.0f lines/s for %d s",
          i, fixedRate, context.sizes().fixedRateRun().toSeconds());
      HttpRuns.Run run =
          HttpRuns.one(
              context,
              "http-pg-fixed-rate" + i,
              "fixed rate, run " + i,
              true,
              true,
              HttpLoad.SATURATION.atRate(fixedRate),
              context.sizes().fixedRateRun(),
              List.of(),
              AfterLoad.NOTHING);
      Console.info(
          "http-pg fixed rate run %d: p99 %.0f ms", i, run.load().ackLatencyMillis().p99());
      fixed.add(run);
    }
    return List.of(http(context, runs, rate, fixed, fixedRate), copy(runs));
  }

  private static Section http(
      BenchContext context,
      List<HttpRuns.Run> runs,
      Series rate,
      List<HttpRuns.Run> fixed,
      double fixedRate) {
    Sizes sizes = context.sizes();
    HttpLoad.Shape shape = HttpLoad.SATURATION;
    Section section = new Section("http", "1. HTTP → PostgreSQL, one node");
    section
        .text(
            "A node (%s) on a fresh PostgreSQL schema per run, fed by the simulator as a library in"
                + " the harness JVM: %d stores × %d SKUs (about 9,000 golden records in about 20"
                + " entities: one per location, one per store), 3%% duplicates,"
                + " 10%% out of order, 1%% malformed lines; %d senders POSTing %d-line batches to"
                + " `/v1/pos/events`, no rate limit (%d lines in flight), %d s per run. Each run's"
                + " node is first warmed up for %d s, and on in %d s slices while its JIT compilers"
                + " use more than %.2f cores (at most %d s more), not counted: the same senders"
                + " post the measured world's own life through the same noise, on sites renamed"
                + " `warmup-S001` and so on (left out of the COPY and the check), so that its JIT"
                + " has compiled the paths the measured lines take, while every entity of the"
                + " measured world is still new to it; then a CHECKPOINT, so that the run does not"
                + " inherit the warm-up's WAL. **events/s** = accepted events ÷ wall time from the"
                + " first line sent to the last acknowledgement. **Ack latency**: from a batch's POST to its"
                + " answer, counted once per line of the batch.",
            Sizes.NODE_HEAP,
            HttpLoad.WORLD.stores(),
            HttpLoad.WORLD.products(),
            shape.senders(),
            shape.batchLines(),
            shape.senders() * shape.batchLines(),
            sizes.httpRun().toSeconds(),
            sizes.warmUp().toSeconds(),
            HttpRuns.WARM_UP_SLICE.toSeconds(),
            HttpRuns.JIT_SETTLED_CORES,
            sizes.warmUpMore().toSeconds())
        .text(
            "- **%s accepted events/s** (median of %d runs; runs listed)\n"
                + "- ack latency at saturation: p50 %s ms, p99 %s ms",
            rate.describe("%,.0f"),
            rate.values().size(),
            HttpRunTable.series(runs, run -> run.load().ackLatencyMillis().p50()).describe("%,.0f"),
            HttpRunTable.series(runs, run -> run.load().ackLatencyMillis().p99()).describe("%,.0f"))
        .table(HttpRunTable.of(runs))
        .text(
            "Correctness: %s (the simulator's checker compared every golden record each measured"
                + " run touched with its own ground truth: %d mismatches in total; every malformed"
                + " line rejected and no valid one, per the batch answers).",
            HttpRunTable.allCorrect(runs) && HttpRunTable.allCorrect(fixed)
                ? "**OK**"
                : "**FAILED**",
            HttpRunTable.mismatches(runs) + HttpRunTable.mismatches(fixed))
        .text(HttpRunTable.sendingSide(runs));
    Series fixedP99 = HttpRunTable.series(fixed, run -> run.load().ackLatencyMillis().p99());
    section
        .text(
            "**At a fixed rate** of %,.0f lines/s (half the median saturation rate, capped at"
                + " %,.0f), same batches, %d s per run, each on a fresh node warmed up as above,"
                + " then sending the warm-up's lines at the fixed rate for %d s (not counted: a"
                + " steady state, not the saturated warm-up's aftermath), then a CHECKPOINT: ack"
                + " latency p50 %s ms, **p99 %s ms**, max %s ms.",
            fixedRate,
            FIXED_RATE_CAP,
            context.sizes().fixedRateRun().toSeconds(),
            context.sizes().settle().toSeconds(),
            HttpRunTable.series(fixed, run -> run.load().ackLatencyMillis().p50())
                .describe("%,.0f"),
            fixedP99.describe("%,.0f"),
            HttpRunTable.series(fixed, run -> run.load().ackLatencyMillis().max())
                .describe("%,.0f"))
        .table(HttpRunTable.of(fixed))
        .summary("1. HTTP → PostgreSQL, saturation", rate.describe("%,.0f") + " events/s")
        .summary(
            "1. ack latency at saturation (p99)",
            HttpRunTable.series(runs, run -> run.load().ackLatencyMillis().p99()).describe("%,.0f")
                + " ms")
        .summary(
            String.format("1. ack latency at %,.0f lines/s (p99)", fixedRate),
            fixedP99.describe("%,.0f") + " ms")
        .summary(
            "1. golden records checked against the simulator's ground truth",
            HttpRunTable.mismatches(runs) + HttpRunTable.mismatches(fixed) + " mismatches")
        .raw("runs", runs)
        .raw("fixedRate", fixed)
        .raw("fixedRateTarget", fixedRate)
        .raw("medianAcceptedPerSecond", rate.median());
    return section;
  }

  private static Section copy(List<HttpRuns.Run> runs) {
    Series copyRate = HttpRunTable.series(runs, run -> run.copy().eventsPerSecond());
    Series ratio =
        HttpRunTable.series(
            runs, run -> run.load().acceptedPerSecond() / run.copy().eventsPerSecond());
    Series stockRate = HttpRunTable.series(runs, run -> run.stockCopy().eventsPerSecond());
    Series stockRatio =
        HttpRunTable.series(
            runs, run -> run.load().acceptedPerSecond() / run.stockCopy().eventsPerSecond());
    Table table =
        new Table(
            "run",
            "node's journal rows",
            "journal rows (one per event)",
            "tag rows",
            "COPY seconds (loads)",
            "COPY events/s",
            "engine events/s",
            "engine ÷ COPY",
            "COPY, stock DDL",
            "engine ÷ that");
    for (HttpRuns.Run run : runs) {
      if (run.counted()) {
        CopyLimit.Result copy = run.copy();
        table.row(
            run.label(),
            String.format("%,d", copy.nodeJournalRows()),
            String.format("%,d", copy.journalRows()),
            String.format("%,d", copy.tagRows()),
            Series.format("%.2f", copy.seconds())
                + copy.loadSeconds().stream()
                    .map(seconds -> Series.format("%.2f", seconds))
                    .collect(Collectors.joining(", ", " (", ")")),
            Series.format("%,.0f", copy.eventsPerSecond()),
            Series.format("%,.0f", run.load().acceptedPerSecond()),
            Series.format("%.3f", run.load().acceptedPerSecond() / copy.eventsPerSecond()),
            Series.format("%,.0f", run.stockCopy().eventsPerSecond()),
            Series.format(
                "%.3f", run.load().acceptedPerSecond() / run.stockCopy().eventsPerSecond()));
      }
    }
    return new Section("copy", "2. The physical limit: COPY of the same rows, same database")
        .text(
            "After each measured run of benchmark 1, the node is stopped and the events it"
                + " journaled are read back from its schema and written, as COPY text files, as"
                + " the rows pekko-persistence-jdbc's own journal writes for them: one journal row"
                + " and one tag row per event. The node writes one journal row per command's"
                + " events (an entry holding each event's bytes as a single event is journaled),"
                + " so each entry is split into its events' rows, with the single event's manifest"
                + " and bytes, the next `ordering` and the next sequence number of its entity"
                + " (`StockRows`). Those rows are then"
                + " loaded with `COPY ... FROM STDIN` into a fresh schema made with the node's own"
                + " DDL (`%s` from the persistence jar the nodes ran), journal then tags, in one"
                + " transaction; the time covers both COPYs and"
                + " the commit. The same rows are loaded %d times, each into a fresh schema after a"
                + " CHECKPOINT, and the median load counts: one load varied by half between runs on"
                + " this shared host. Snapshots and dead letters, which the node also wrote, are not"
                + " copied. events/s = journal rows (one per event) ÷ seconds.",
            Binaries.NODE_DDL, CopyLimit.LOADS)
        .text(
            "Each run's rows are also loaded the same way into pekko-persistence-jdbc's own DDL,"
                + " which Shelfstream's differs from in `event_tag`: a foreign key to"
                + " `event_journal`, checked for every tag row, and the key (event_id, tag) where"
                + " Shelfstream's is (tag, event_id), for its read journal's tag query. Shelfstream"
                + " dropped the foreign key (it guarded nothing its journal does not ensure, and"
                + " cost the node's PostgreSQL 5-12 µs per event); it also made COPY itself about"
                + " twice as fast. *COPY, stock"
                + " DDL* is the limit issue 5 was first measured against, kept for comparison;"
                + " the ratio that counts is the one against the node's own DDL.")
        .text(
            "- **COPY: %s events/s**\n- **engine ÷ COPY: %s** (each run's ratio, engine and COPY"
                + " measured side by side)\n- COPY into the stock DDL: %s events/s; engine ÷ that:"
                + " %s",
            copyRate.describe("%,.0f"),
            ratio.describe("%.3f"),
            stockRate.describe("%,.0f"),
            stockRatio.describe("%.3f"))
        .table(table)
        .text(
            "**CPU per event, side by side** (from /proc: the engine's over its measured run, COPY's"
                + " over each load, median of the loads; µs of CPU per accepted event or per row"
                + " stored). The ratio is two efficiencies and two core counts: engine ÷ COPY ="
                + " (cores the engine keeps busy ÷ its µs per event) ÷ (cores COPY keeps busy ÷"
                + " its µs per event). *Budget for 0.5*: what node, PostgreSQL and load generator"
                + " together could spend per event for the engine to reach half this run's COPY,"
                + " keeping as many cores busy as they did.")
        .table(cpuPerEvent(runs))
        .summary(
            "2. COPY of the same rows, same database", copyRate.describe("%,.0f") + " events/s")
        .summary("2. engine ÷ COPY", ratio.describe("%.3f"))
        .summary(
            "2. COPY into pekko-persistence-jdbc's DDL (event_tag's foreign key and key)",
            stockRate.describe("%,.0f") + " events/s")
        .summary("2. engine ÷ COPY into the stock DDL", stockRatio.describe("%.3f"))
        .raw("copyEventsPerSecond", copyRate.values())
        .raw("engineOverCopy", ratio.values())
        .raw("stockCopyEventsPerSecond", stockRate.values())
        .raw("engineOverStockCopy", stockRatio.values());
  }

  private static Table cpuPerEvent(List<HttpRuns.Run> runs) {
    Table table =
        new Table(
            "run",
            "engine: node µs",
            "PostgreSQL µs",
            "load generator µs",
            "together µs",
            "on cores",
            "COPY: PostgreSQL µs",
            "COPY client µs",
            "on cores",
            "budget for 0.5, µs");
    for (HttpRuns.Run run : runs) {
      if (run.counted()) {
        CpuMeter.Use cpu = run.cpu();
        double perSecond = run.load().acceptedPerSecond();
        double engineCores = cpu.node() + cpu.postgres() + cpu.harness();
        CopyLimit.Result copy = run.copy();
        table.row(
            run.label(),
            micros(cpu.node(), perSecond),
            micros(cpu.postgres(), perSecond),
            micros(cpu.harness(), perSecond),
            micros(engineCores, perSecond),
            Series.format("%.2f", engineCores),
            Series.format("%.1f", copy.postgresMicrosPerEvent()),
            Series.format("%.1f", copy.clientMicrosPerEvent()),
            Series.format("%.2f", copy.postgresCores()),
            micros(engineCores, copy.eventsPerSecond() / 2));
      }
    }
    return table;
  }

  /** µs of CPU per event, for {@code cores} busy at {@code eventsPerSecond}. */
  private static String micros(double cores, double eventsPerSecond) {
    return Series.format("%.1f", cores / eventsPerSecond * 1e6);
  }
}
