package io.shelfstream.simulations.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 7: locations with a long history ({@link BusyLocationLoad}), with snapshots every
 * 10,000 events whatever their size ({@code snapshot-bytes-per-event = 0}, as before the setting)
 * and spaced by their size (the default), in pairs of runs side by side. Each run starts a node on
 * a fresh schema, sends the load, then starts a second node on that schema and times the first read
 * of each location: its recovery, from its newest snapshot and the events after it.
 */
final class SnapshotBench {
  private static final Duration CAP = Duration.ofMinutes(6);

  private SnapshotBench() {}

  record Arm(String name, String description, int bytesPerEvent) {}

  private static final Arm FIXED =
      new Arm("every 10,000 events", "`snapshot-bytes-per-event = 0`", 0);
  private static final Arm SIZED =
      new Arm("spaced by size", "the default, 256 bytes per event", 256);

  record Run(
      Arm arm,
      int pair,
      long events,
      double seconds,
      CpuMeter.Use cpu,
      long walBytes,
      long snapshotsWritten,
      long newestSnapshotBytes,
      double recoverySeconds) {
    double perSecond() {
      return events / seconds;
    }

    /** Microseconds of CPU per event. */
    double micros(double cores) {
      return cores * seconds * 1e6 / events;
    }
  }

  static Section run(BenchContext context) throws Exception {
    long events = context.sizes().busyLocationEvents();
    int pairs = Math.min(2, context.options().runs());
    List<Run> runs = new ArrayList<>();
    for (int pair = 1; pair <= pairs; pair++) {
      for (Arm arm : List.of(FIXED, SIZED)) {
        runs.add(one(context, arm, pair, events));
      }
    }
    Series fixedRate = series(runs, FIXED, Run::perSecond);
    Series sizedRate = series(runs, SIZED, Run::perSecond);
    Series fixedPostgres = series(runs, FIXED, run -> run.micros(run.cpu().postgres()));
    Series sizedPostgres = series(runs, SIZED, run -> run.micros(run.cpu().postgres()));
    Series fixedRecovery = series(runs, FIXED, Run::recoverySeconds);
    Series sizedRecovery = series(runs, SIZED, Run::recoverySeconds);
    double ratio = sizedRate.median() / fixedRate.median();
    Table table =
        new Table(
            "snapshots",
            "pair",
            "events/s",
            "node µs/event",
            "PostgreSQL µs/event",
            "WAL bytes/event",
            "snapshots written",
            "newest snapshot",
            "recovery of all " + BusyLocationLoad.LOCATIONS);
    for (Run run : runs) {
      table.row(
          run.arm().name(),
          run.pair(),
          String.format("%,.0f", run.perSecond()),
          String.format("%.1f", run.micros(run.cpu().node())),
          String.format("%.1f", run.micros(run.cpu().postgres())),
          String.format("%,d", run.walBytes() / run.events()),
          run.snapshotsWritten(),
          String.format("%.1f MB", run.newestSnapshotBytes() / 1e6),
          String.format("%.1f s", run.recoverySeconds()));
    }
    return new Section("snapshots", "7. Snapshots of locations with a long history")
        .text(
            "%d locations of %d SKUs on PostgreSQL, %,d events in 250-line batches from 8"
                + " senders, one event time a second per 20 events: every id stays within the"
                + " dedupe window, so each record remembers up to `max-ids` and a location's"
                + " snapshot grows to megabytes, as at a distribution centre or a busy store"
                + " after days. Nodes are not warmed up. Each pair runs %s (%s) and %s (%s) side"
                + " by side, each on a node of its own and a fresh schema. Recovery: a second"
                + " node on the same schema, the first read of each location in turn (its"
                + " newest snapshot and the events after it), from a cold JVM.",
            BusyLocationLoad.LOCATIONS,
            BusyLocationLoad.SKUS,
            events,
            FIXED.name(),
            FIXED.description(),
            SIZED.name(),
            SIZED.description())
        .table(table)
        .text(
            "- events/s: %s every 10,000 events, %s spaced by size: **%.2f×**\n"
                + "- PostgreSQL CPU per event: %s → %s µs\n"
                + "- recovery of the %d locations: %s → %s s",
            fixedRate.describe("%,.0f"),
            sizedRate.describe("%,.0f"),
            ratio,
            fixedPostgres.describe("%.1f"),
            sizedPostgres.describe("%.1f"),
            BusyLocationLoad.LOCATIONS,
            fixedRecovery.describe("%.1f"),
            sizedRecovery.describe("%.1f"))
        .summary(
            "7. busy locations: snapshots spaced by size ÷ every 10,000 events",
            String.format(
                "%.2f× events/s (%,.0f vs %,.0f); recovery %.1f vs %.1f s",
                ratio,
                sizedRate.median(),
                fixedRate.median(),
                sizedRecovery.median(),
                fixedRecovery.median()))
        .raw("runs", runs)
        .raw("sizedOverFixed", ratio);
  }

  private static Series series(
      List<Run> runs, Arm arm, java.util.function.ToDoubleFunction<Run> figure) {
    Series series = new Series();
    runs.stream().filter(run -> run.arm() == arm).mapToDouble(figure).forEach(series::add);
    return series;
  }

  private static Run one(BenchContext context, Arm arm, int pair, long events) throws Exception {
    String name = "snapshots-" + (arm == FIXED ? "fixed" : "sized") + pair;
    List<String> options =
        List.of("-Dshelfstream.golden-record.snapshot-bytes-per-event=" + arm.bytesPerEvent());
    try (Postgres.Schema schema = context.postgres().freshSchema()) {
      var database = new NodeDatabase.OnPostgres(context.postgres(), schema);
      long sent;
      double seconds;
      CpuMeter.Use cpu;
      long walBefore;
      long walAfter;
      try (NodeProcess node = NodeProcess.start(context, name, database, options)) {
        Console.info(
            "%s: %,d events at %d busy locations", name, events, BusyLocationLoad.LOCATIONS);
        walBefore = walPosition(context);
        CpuMeter meter = CpuMeter.start(node.pid());
        long start = System.nanoTime();
        sent = BusyLocationLoad.send(node.uri(), events, CAP);
        seconds = (System.nanoTime() - start) / 1e9;
        cpu = meter.stop();
        walAfter = walPosition(context);
      }
      long written = snapshotsWritten(context, schema);
      long newest = newestSnapshotBytes(context, schema);
      double recovery;
      try (NodeProcess node = NodeProcess.start(context, name + "-recovery", database, options)) {
        recovery = recoverAll(node.uri());
      }
      Console.info(
          "%s: %,.0f events/s, %d snapshots written, recovery %.1f s",
          name, sent / seconds, written, recovery);
      return new Run(
          arm, pair, sent, seconds, cpu, walAfter - walBefore, written, newest, recovery);
    }
  }

  private static double recoverAll(URI node) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long start = System.nanoTime();
    for (int location = 0; location < BusyLocationLoad.LOCATIONS; location++) {
      URI record =
          node.resolve(
              "/v1/inventory/"
                  + BusyLocationLoad.LOCATION_PREFIX
                  + location
                  + "/"
                  + BusyLocationLoad.anySku());
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(record).timeout(Duration.ofMinutes(2)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "reading " + record + " after recovery answered " + answer.statusCode());
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static long walPosition(BenchContext context) throws SQLException {
    return longOf(context, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
  }

  private static long snapshotsWritten(BenchContext context, Postgres.Schema schema)
      throws SQLException {
    // the statistics collector reports with a delay of up to about a second
    long written = 0;
    for (int attempt = 0; attempt < 20 && written == 0; attempt++) {
      written =
          longOf(
              context,
              "SELECT COALESCE(SUM(n_tup_ins), 0) FROM pg_stat_user_tables WHERE schemaname = '"
                  + schema.name()
                  + "' AND relname = 'snapshot'");
      if (written == 0) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted", e);
        }
      }
    }
    return written;
  }

  private static long newestSnapshotBytes(BenchContext context, Postgres.Schema schema)
      throws SQLException {
    return longOf(
        context,
        "SELECT COALESCE(MAX(length(snapshot_payload)), 0) FROM "
            + schema.name()
            + ".snapshot WHERE persistence_id LIKE 'LocationInventory|%'");
  }

  private static long longOf(BenchContext context, String sql) throws SQLException {
    try (Connection connection = context.postgres().connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
