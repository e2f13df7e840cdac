package io.shelfstream.bench.snapshots;

import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.ScenarioResult.Table;
import io.shelfstream.bench.scenario.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Busy locations with snapshots every 10,000 events whatever their size ({@code
 * snapshot-bytes-per-event = 0}) and spaced by their size (the default), side by side in pairs;
 * then the recovery of each location by a second node on the same schema.
 */
public final class SnapshotScenario implements Scenario {
  private static final Duration CAP = Duration.ofMinutes(6);
  private static final Map<String, Integer> ARMS =
      Map.of("every 10,000 events", 0, "spaced by size", 256);
  private static final List<String> ORDER = List.of("every 10,000 events", "spaced by size");

  private record Run(
      String arm,
      long events,
      double seconds,
      ProcessCpu.Use cpu,
      long walBytes,
      long snapshots,
      long newestSnapshotBytes,
      double recoverySeconds) {
    double perSecond() {
      return events / seconds;
    }
  }

  @Override
  public String name() {
    return "snapshots";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return Duration.ofSeconds(
        2 * sizes.snapshotPairs() * (40 + sizes.busyLocationEvents() / 40_000));
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    List<Run> runs = new ArrayList<>();
    for (int pair = 1; pair <= context.sizes().snapshotPairs(); pair++) {
      for (String arm : ORDER) {
        runs.add(one(context, arm, pair));
      }
    }
    Table table =
        Table.of(
            "Runs",
            "snapshots",
            "events/s",
            "node µs/event",
            "PostgreSQL µs/event",
            "WAL bytes/event",
            "snapshots written",
            "newest snapshot",
            "recovery of all 4");
    for (Run run : runs) {
      table.row(
          run.arm(),
          Stats.format("%,.0f", run.perSecond()),
          Stats.format("%.1f", run.cpu().cpuSeconds().get("node") * 1e6 / run.events()),
          Stats.format(
              "%.1f", run.cpu().cpuSeconds().get(ProcessCpu.POSTGRES) * 1e6 / run.events()),
          run.walBytes() / run.events(),
          run.snapshots(),
          Stats.format("%.1f MB", run.newestSnapshotBytes() / 1e6),
          Stats.format("%.1f s", run.recoverySeconds()));
    }
    double fixed = Stats.median(values(runs, ORDER.get(0), Run::perSecond));
    double sized = Stats.median(values(runs, ORDER.get(1), Run::perSecond));
    double fixedRecovery = Stats.median(values(runs, ORDER.get(0), Run::recoverySeconds));
    double sizedRecovery = Stats.median(values(runs, ORDER.get(1), Run::recoverySeconds));
    return ScenarioResult.of(
            name(), "Snapshots of locations with a long history", method(context.sizes()))
        .summary(
            "busy locations: snapshots spaced by size ÷ every 10,000 events",
            Stats.format("%.2f× events/s", sized / fixed)
                + Stats.format(" (%,.0f vs ", sized)
                + Stats.format("%,.0f);", fixed)
                + Stats.format(" recovery %.1f vs ", sizedRecovery)
                + Stats.format("%.1f s", fixedRecovery))
        .table(table)
        .figure("sizedOverFixed", sized / fixed)
        .figure("sizedRecoverySeconds", sizedRecovery)
        .figure("fixedRecoverySeconds", fixedRecovery);
  }

  private static List<Double> values(List<Run> runs, String arm, ToDoubleFunction<Run> figure) {
    return runs.stream().filter(run -> run.arm().equals(arm)).mapToDouble(figure).boxed().toList();
  }

  private Run one(ScenarioContext context, String arm, int pair) throws Exception {
    String name = "snapshots-" + ARMS.get(arm) + "-" + pair;
    List<String> options =
        List.of("-Dshelfstream.golden-record.snapshot-bytes-per-event=" + ARMS.get(arm));
    long events = context.sizes().busyLocationEvents();
    Postgres postgres = context.postgres();
    try (Postgres.Schema schema = postgres.freshSchema()) {
      long wal;
      double seconds;
      ProcessCpu.Use cpu;
      try (Node node = Node.start(context, name, schema, options)) {
        ScenarioContext.say(
            "%s: %,d events at %d busy locations", name, events, BusyLocations.LOCATIONS);
        long walBefore = postgres.queryLong(WAL_POSITION);
        ProcessCpu meter = ProcessCpu.start(Map.of("node", node.pid()));
        long started = System.nanoTime();
        BusyLocations.send(node.uri(), events, CAP);
        seconds = (System.nanoTime() - started) / 1e9;
        cpu = meter.stop();
        wal = postgres.queryLong(WAL_POSITION) - walBefore;
      }
      Thread.sleep(1000); // the statistics collector reports with a delay of up to a second
      long snapshots =
          postgres.queryLong(
              "SELECT COALESCE(SUM(n_tup_ins), 0) FROM"
                  + " pg_stat_user_tables WHERE schemaname = '"
                  + schema.name()
                  + "' AND relname = 'snapshot'");
      long newest =
          postgres.queryLong(
              "SELECT COALESCE(MAX(length(snapshot_payload)), 0) FROM "
                  + schema.name()
                  + ".snapshot");
      double recovery;
      try (Node node = Node.start(context, name + "-recovery", schema, options)) {
        long started = System.nanoTime();
        for (int location = 0; location < BusyLocations.LOCATIONS; location++) {
          Posts.get(node.uri(), "/v1/inventory/" + BusyLocations.PREFIX + location + "/7");
        }
        recovery = (System.nanoTime() - started) / 1e9;
      }
      ScenarioContext.say("%s: %,.0f events/s, recovery %.1f s", name, events / seconds, recovery);
      return new Run(arm, events, seconds, cpu, wal, snapshots, newest, recovery);
    }
  }

  private static final String WAL_POSITION =
      "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint";

  private static String method(Sizes sizes) {
    return String.format(
        "%d locations of %d SKUs on PostgreSQL, %,d events in 250-line batches from 8 senders,"
            + " one event time a second per 20 events: every id stays within the dedupe window,"
            + " so a location's snapshot grows to megabytes. Nodes are not warmed up. Each pair"
            + " runs snapshots every 10,000 events (`snapshot-bytes-per-event = 0`) and spaced by"
            + " size (the default, 256 bytes per event) side by side, each on a node of its own"
            + " and a fresh schema; %d pair(s). Recovery: a second node on the same schema, the"
            + " first read of each location in turn (its newest snapshot and the events after"
            + " it), from a cold JVM. WAL from `pg_current_wal_lsn()`, snapshots written from"
            + " `pg_stat_user_tables`.",
        BusyLocations.LOCATIONS,
        BusyLocations.SKUS,
        sizes.busyLocationEvents(),
        sizes.snapshotPairs());
  }
}
