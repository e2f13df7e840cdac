package io.shelfstream.bench.http;

import io.shelfstream.bench.http.HttpRuns.Measured;
import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.ScenarioResult.Table;
import io.shelfstream.bench.scenario.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP into one node on PostgreSQL, at saturation and at a fixed rate, and the physical limit
 * beside each saturated run: COPY of the very rows it wrote, into the same database.
 */
public final class HttpScenario implements Scenario {
  private static final double FIXED_RATE_CAP = 5_000;

  @Override
  public String name() {
    return "http";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    Duration run = sizes.warmUp().plus(sizes.httpRun()).plusSeconds(60);
    return run.plus(run).plus(sizes.settle()).multipliedBy(sizes.runs());
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    Sizes sizes = context.sizes();
    List<Measured> saturated = new ArrayList<>();
    for (int i = 1; i <= sizes.runs(); i++) {
      saturated.add(HttpRuns.one(context, "http-" + i, true, SimulatedLoad.SATURATION, true));
    }
    List<Double> rate = HttpRuns.values(saturated, m -> m.run().eventsPerSecond());
    double fixedRate = Math.min(FIXED_RATE_CAP, Stats.median(rate) / 2);
    List<Measured> fixed = new ArrayList<>();
    for (int i = 1; i <= sizes.runs(); i++) {
      fixed.add(
          HttpRuns.one(
              context, "http-fixed-" + i, true, SimulatedLoad.SATURATION.atRate(fixedRate), false));
    }
    List<Double> p99 = HttpRuns.values(saturated, m -> m.run().p99Millis());
    List<Double> fixedP99 = HttpRuns.values(fixed, m -> m.run().p99Millis());
    List<Double> copy = HttpRuns.values(saturated, m -> m.copy().nodeDdl().eventsPerSecond());
    List<Double> stock = HttpRuns.values(saturated, m -> m.copy().stockDdl().eventsPerSecond());
    List<Double> ratio =
        HttpRuns.values(
            saturated, m -> m.run().eventsPerSecond() / m.copy().nodeDdl().eventsPerSecond());
    List<Double> stockRatio =
        HttpRuns.values(
            saturated, m -> m.run().eventsPerSecond() / m.copy().stockDdl().eventsPerSecond());
    long mismatches = HttpRuns.mismatches(saturated) + HttpRuns.mismatches(fixed);
    return ScenarioResult.of(name(), "HTTP → PostgreSQL, and COPY of the same rows", method(sizes))
        .summary("HTTP → PostgreSQL, saturation", Stats.describe(rate, "%,.0f") + " events/s")
        .summary("ack latency at saturation (p99)", Stats.describe(p99, "%,.0f") + " ms")
        .summary(
            Stats.format("ack latency at %,.0f lines/s (p99)", fixedRate),
            Stats.describe(fixedP99, "%,.0f") + " ms")
        .summary("golden records checked against ground truth", mismatches + " mismatches")
        .summary(
            "COPY of the same rows, same database", Stats.describe(copy, "%,.0f") + " events/s")
        .summary("engine ÷ COPY", Stats.describe(ratio, "%.3f"))
        .summary(
            "COPY into pekko-persistence-jdbc's stock DDL",
            Stats.describe(stock, "%,.0f") + " events/s")
        .summary("engine ÷ COPY into the stock DDL", Stats.describe(stockRatio, "%.3f"))
        .table(HttpRuns.table("At saturation", saturated))
        .table(HttpRuns.table(Stats.format("At %,.0f lines/s", fixedRate), fixed))
        .table(copyTable(saturated))
        .figure("eventsPerSecond", Stats.median(rate))
        .figure("p99Millis", Stats.median(p99))
        .figure("fixedRate", fixedRate)
        .figure("fixedRateP99Millis", Stats.median(fixedP99))
        .figure("mismatches", mismatches)
        .figure("copyEventsPerSecond", Stats.median(copy))
        .figure("engineOverCopy", Stats.median(ratio))
        .figure("stockCopyEventsPerSecond", Stats.median(stock))
        .figure("engineOverStockCopy", Stats.median(stockRatio));
  }

  private static Table copyTable(List<Measured> runs) {
    Table table =
        Table.of(
            "COPY of each saturated run's rows (seconds of each load; the median counts)",
            "run",
            "journal rows",
            "tag rows",
            "MB",
            "events",
            "COPY s",
            "COPY events/s",
            "engine ÷ COPY",
            "PostgreSQL µs/event: engine, COPY",
            "stock DDL: COPY s",
            "engine ÷ that");
    for (int i = 0; i < runs.size(); i++) {
      Measured measured = runs.get(i);
      CopyBaseline.Result copy = measured.copy();
      double engine = measured.run().eventsPerSecond();
      double enginePostgres =
          measured.run().cpu().cpuSeconds().get("postgres") * 1e6 / measured.run().accepted();
      table.row(
          i + 1,
          String.format("%,d", copy.journalRows()),
          String.format("%,d", copy.tagRows()),
          Stats.format("%.0f", copy.bytes() / 1e6),
          String.format("%,d", copy.nodeDdl().events()),
          seconds(copy.nodeDdl()),
          Stats.format("%,.0f", copy.nodeDdl().eventsPerSecond()),
          Stats.format("%.3f", engine / copy.nodeDdl().eventsPerSecond()),
          Stats.format("%.1f, ", enginePostgres)
              + Stats.format("%.1f", copy.nodeDdl().postgresMicrosPerEvent()),
          seconds(copy.stockDdl()),
          Stats.format("%.3f", engine / copy.stockDdl().eventsPerSecond()));
    }
    return table;
  }

  private static String seconds(CopyBaseline.Loads loads) {
    return String.join(", ", loads.seconds().stream().map(s -> Stats.format("%.2f", s)).toList());
  }

  private static String method(Sizes sizes) {
    return String.format(
        "A node (%s) on a fresh PostgreSQL schema per run, fed by the simulator as a library: %d"
            + " stores × %d SKUs (about 9,000 golden records in about 20 entities), 3%%"
            + " duplicates, 10%% out of order, 1%% malformed lines; 8 senders POST 250-line"
            + " batches to `/v1/pos/events`, %d s per run. Each node is first warmed up for %d s"
            + " on the same world's life on sites of its own (`warmup-S001`...), not counted,"
            + " then a CHECKPOINT. **events/s** = accepted events ÷ wall time from the first line"
            + " sent to the last acknowledgement; **ack latency** from a batch's POST to its"
            + " answer, once per line. Then the checker compares every golden record the run"
            + " touched with the simulator's ground truth. **At a fixed rate**: half the"
            + " saturation median, capped at 5,000 lines/s, after %d s at that rate not counted."
            + " **COPY**: once the node is stopped, the journal and tag rows of its measured run"
            + " are exported as they are (`COPY (SELECT ...) TO STDOUT`) and loaded with `COPY"
            + " ... FROM STDIN` into a fresh schema made by the node's own DDL (persistence's"
            + " `SchemaCreator`), both in one transaction after a CHECKPOINT, %d times; COPY"
            + " events/s = the run's accepted events ÷ the median load's seconds. The node"
            + " journals one row per command's events, so COPY moves the same bytes in the same"
            + " rows as the node: not comparable with the figures before issue 23, whose"
            + " baseline re-encoded one row per event. The dedupe index, snapshots and dead"
            + " letters the node also writes are not copied. *Stock DDL*: the same loads with"
            + " pekko-persistence-jdbc's `event_tag` (its foreign key to `event_journal` and"
            + " key (event_id, tag)), the limit issue 5 was first measured against.",
        Sizes.NODE_HEAP,
        SimulatedLoad.WORLD.stores(),
        SimulatedLoad.WORLD.products(),
        sizes.httpRun().toSeconds(),
        sizes.warmUp().toSeconds(),
        sizes.settle().toSeconds(),
        sizes.copyLoads());
  }
}
