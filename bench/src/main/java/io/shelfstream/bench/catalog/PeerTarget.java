package io.shelfstream.bench.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The peer: the same events in its topic (Connect JSON with schema, keyed by event id), then Kafka
 * Connect standalone with the Debezium JDBC sink started and timed until every event is a row.
 */
final class PeerTarget {
  static final String NAME = "peer";
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

  private PeerTarget() {}

  static TargetResult run(RunContext context) throws Exception {
    CatalogWorkload workload = context.workload();
    String schema = context.database().freshSchema(NAME + "_" + context.round());
    try (BrokerChild broker = context.startBroker(NAME)) {
      CatalogLines lines = new CatalogLines(workload);
      TopicFill.produce(
          broker.bootstrapServers(),
          RunContext.TOPIC,
          workload.size(),
          lines::peerKey,
          lines::peerValue);
      context.database().checkpoint();
      String jdbcUrl = context.database().urlFor(schema, "reWriteBatchedInserts=true");
      try (PeerConnect connect =
          PeerConnect.start(
              context.tree(),
              context.runDir(),
              broker.bootstrapServers(),
              RunContext.TOPIC,
              jdbcUrl,
              context.database().user())) {
        CpuWindow window =
            CpuWindow.start(Map.of("connect", connect.pid(), "broker", broker.pid()));
        awaitRows(context.database(), schema, connect, window, workload.size());
        CpuWindow.Drain drain = window.stop(workload.size());
        Console.line(
            "%s: %,d rows in %.1f s, %,.0f events/s from the first rows",
            NAME,
            workload.size(),
            drain.fromStart().seconds(),
            drain.fromFirst().eventsPerSecond());
        long distinct =
            context
                .database()
                .number(
                    "SELECT count(*) FROM (SELECT DISTINCT location_id, sku FROM "
                        + schema
                        + "."
                        + PeerConnect.TABLE
                        + ") pairs");
        GoldenCheck.Outcome check = checkSample(context, schema);
        return new TargetResult(
            context.round(),
            NAME,
            workload.size(),
            drain,
            -1,
            distinct,
            check.sampled(),
            check.mismatches(),
            check.firstMismatch());
      }
    } finally {
      context.database().drop(schema);
    }
  }

  /**
   * Watches the table's insert statistics (cheap, but up to seconds late), then counts the rows
   * exactly once they say nearly all are in: a count(*) of a million rows every poll would add
   * PostgreSQL CPU to the peer's figures.
   */
  private static void awaitRows(
      BenchDatabase database, String schema, PeerConnect connect, CpuWindow window, long events)
      throws Exception {
    Deadline drained = Deadline.in(DRAIN_TIMEOUT, "the peer to write all " + events + " rows");
    Progress progress = new Progress(NAME + " rows", events);
    String inserted =
        "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE schemaname = '"
            + schema
            + "' AND relname = '"
            + PeerConnect.TABLE
            + "'";
    String exact = "SELECT count(*) FROM " + schema + "." + PeerConnect.TABLE;
    long seen = 0;
    long lastChange = System.nanoTime();
    while (true) {
      long stats = database.number(inserted);
      if (stats != seen) {
        seen = stats;
        lastChange = System.nanoTime();
      }
      window.firstSeen(seen);
      boolean stalled = seen > 0 && System.nanoTime() - lastChange > 2_000_000_000L;
      if (seen >= events * 95 / 100 || stalled) {
        long rows = database.number(exact);
        window.firstSeen(rows);
        if (rows >= events) {
          return;
        }
        progress.update(rows);
      } else {
        progress.update(seen);
      }
      connect.checkAlive();
      drained.pause(200, "stats say " + seen + " rows; Connect's log ends:\n" + connect.logTail());
    }
  }

  /** The sample's sums over the peer's rows, in one query. */
  private static GoldenCheck.Outcome checkSample(RunContext context, String schema)
      throws Exception {
    List<RecordSample.Expected> sample = context.sample();
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < sample.size(); i++) {
      keys.append(i == 0 ? "" : ",").append("(?, ?)");
    }
    String sql =
        "SELECT e.location_id, e.sku, sum(CASE WHEN e.type = 'sale' THEN -e.qty ELSE e.qty END), count(*)"
            + " FROM "
            + schema
            + "."
            + PeerConnect.TABLE
            + " e JOIN (VALUES "
            + keys
            + ") k(location_id, sku)"
            + " ON e.location_id = k.location_id AND e.sku = k.sku GROUP BY e.location_id, e.sku";
    Map<String, long[]> found = new java.util.HashMap<>();
    try (Connection connection = context.database().connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < sample.size(); i++) {
        statement.setString(2 * i + 1, sample.get(i).locationId());
        statement.setString(2 * i + 2, sample.get(i).sku());
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.put(
              rows.getString(1) + "/" + rows.getString(2),
              new long[] {rows.getLong(3), rows.getLong(4)});
        }
      }
    }
    int mismatches = 0;
    String first = null;
    for (RecordSample.Expected expected : sample) {
      long[] sums = found.get(expected.locationId() + "/" + expected.sku());
      if (sums == null || sums[0] != expected.onHand() || sums[1] != expected.movements()) {
        mismatches++;
        if (first == null) {
          first =
              expected
                  + " but the peer's rows sum to "
                  + (sums == null ? "nothing" : sums[0] + " over " + sums[1]);
        }
      }
    }
    return GoldenCheck.Outcome.of(sample.size(), mismatches, first);
  }
}
