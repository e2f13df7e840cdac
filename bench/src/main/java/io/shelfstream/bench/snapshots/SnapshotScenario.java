package io.shelfstream.bench.snapshots;

import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Busy locations with snapshots every 10,000 events whatever their size ({@code
 * snapshot-bytes-per-event = 0}) and spaced by their size (the default, 256), side by side in
 * pairs; then the recovery of every location by a second node on the same schema.
 */
public final class SnapshotScenario implements Scenario {
  private static final String WAL = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint";

  record Run(
      int bytesPerEvent,
      int pair,
      double eventsPerSecond,
      double nodeMicrosPerEvent,
      double postgresMicrosPerEvent,
      long walBytesPerEvent,
      long snapshotsWritten,
      long newestSnapshotKb,
      double recoverySeconds) {}

  private static final int LOCATIONS = 4;
  private static final OffsetDateTime DAY = OffsetDateTime.parse("2026-02-01T06:00:00Z");

  /**
   * 250 events from {@code first} at {@value #LOCATIONS} locations of 500 SKUs, one event time a
   * second per 20 events: every id stays within the dedupe window, so each record remembers up to
   * {@code max-ids} and a location's snapshot grows to megabytes.
   */
  static byte[] busy(long first, long events) {
    StringBuilder body = new StringBuilder();
    for (long n = first; n < Math.min(events, first + 250); n++) {
      long entity = n % (LOCATIONS * 500);
      String common =
          String.format(
              "\"eventId\":\"b-%d\",\"occurredAt\":\"%s\",\"locationId\":\"busy-%d\",\"sku\":\"%d\"",
              n, DAY.plusSeconds(n / 20), entity / 500, entity % 500);
      body.append(
          switch ((int) (n / (LOCATIONS * 500) % 20)) {
            case 0 -> "{\"type\":\"count\"," + common + ",\"onHand\":500}\n";
            case 1 -> "{\"type\":\"receipt\"," + common + ",\"qty\":12}\n";
            default -> "{\"type\":\"sale\"," + common + ",\"qty\":1,\"unitPrice\":2.5}\n";
          });
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String name() {
    return "snapshots";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return Duration.ofSeconds(sizes.snapshotPairs() * (80 + sizes.busyLocationEvents() / 20_000));
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    List<Run> runs = new ArrayList<>();
    for (int pair = 1; pair <= context.sizes().snapshotPairs(); pair++) {
      runs.add(one(context, 0, pair));
      runs.add(one(context, 256, pair));
    }
    double fixed = median(runs, 0, Run::eventsPerSecond);
    double sized = median(runs, 256, Run::eventsPerSecond);
    var parameters =
        Map.of(
            "events",
            context.sizes().busyLocationEvents(),
            "pairs",
            context.sizes().snapshotPairs());
    return ScenarioResult.of(name(), "Snapshots of locations with a long history", parameters)
        .summary(
            "busy locations: snapshots spaced by size ÷ every 10,000 events",
            Stats.format("%.2f× events/s", sized / fixed)
                + Stats.format(" (%,.0f vs ", sized)
                + Stats.format("%,.0f); recovery ", fixed)
                + Stats.format("%.1f vs ", median(runs, 256, Run::recoverySeconds))
                + Stats.format("%.1f s", median(runs, 0, Run::recoverySeconds)))
        .runs("Runs (bytes per event 0: every 10,000 events; 256: spaced by size)", runs)
        .figure("sizedOverFixed", sized / fixed);
  }

  private static double median(List<Run> runs, int bytesPerEvent, ToDoubleFunction<Run> figure) {
    return Stats.median(
        runs.stream()
            .filter(run -> run.bytesPerEvent() == bytesPerEvent)
            .mapToDouble(figure)
            .boxed()
            .toList());
  }

  private Run one(ScenarioContext context, int bytesPerEvent, int pair) throws Exception {
    String name = "snapshots-" + bytesPerEvent + "-" + pair;
    var options = List.of("-Dshelfstream.golden-record.snapshot-bytes-per-event=" + bytesPerEvent);
    long events = context.sizes().busyLocationEvents();
    Postgres postgres = context.postgres();
    try (Postgres.Schema schema = postgres.freshSchema()) {
      long wal = -postgres.queryLong(WAL);
      double seconds;
      ProcessCpu.Use cpu;
      try (Node node = Node.start(context, name, schema, options)) {
        ProcessCpu meter = ProcessCpu.start(Map.of("node", node.pid()));
        long started = System.nanoTime();
        Posts.Batches batches = batch -> batch * 250 >= events ? null : busy(batch * 250, events);
        if (Posts.send(node.uri(), 8, batches, Duration.ofMinutes(6), "busy") * 250 < events) {
          throw new IOException("the busy-location events were not all sent within 6 min");
        }
        seconds = (System.nanoTime() - started) / 1e9;
        cpu = meter.stop();
        wal += postgres.queryLong(WAL);
      }
      Thread.sleep(1000); // the statistics collector reports with a delay of up to a second
      String table = "schemaname = '" + schema.name() + "' AND relname = 'snapshot'";
      long written =
          postgres.queryLong("SELECT SUM(n_tup_ins) FROM pg_stat_user_tables WHERE " + table);
      long newest =
          postgres.queryLong(
              "SELECT MAX(length(snapshot_payload)) FROM " + schema.name() + ".snapshot");
      try (Node node = Node.start(context, name + "-recovery", schema, options)) {
        long recovering = System.nanoTime(); // the first read of each location, in turn
        for (int location = 0; location < LOCATIONS; location++) {
          Posts.exchange(
              HttpRequest.newBuilder(node.uri().resolve("/v1/inventory/busy-" + location + "/7")));
        }
        double recovery = (System.nanoTime() - recovering) / 1e9;
        ScenarioContext.say(
            "%s: %,.0f events/s, recovery %.1f s", name, events / seconds, recovery);
        return new Run(
            bytesPerEvent,
            pair,
            events / seconds,
            cpu.cpuSeconds().get("node") * 1e6 / events,
            cpu.cpuSeconds().get(ProcessCpu.POSTGRES) * 1e6 / events,
            wal / events,
            written,
            newest / 1000,
            recovery);
      }
    }
  }
}
