package io.shelfstream.bench.catalog;

import static io.shelfstream.bench.catalog.HighCardinalityScenario.DRAIN_TIMEOUT;
import static io.shelfstream.bench.catalog.HighCardinalityScenario.PEER;
import static io.shelfstream.bench.catalog.HighCardinalityScenario.TOPIC;
import static io.shelfstream.bench.catalog.HighCardinalityScenario.row;

import io.shelfstream.bench.catalog.HighCardinalityScenario.Row;
import io.shelfstream.bench.kafka.Topics;
import io.shelfstream.bench.node.KafkaBroker;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.report.Cells;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.devkit.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer pipeline of issue 24: the same events as Connect JSON in its topic, then Kafka Connect
 * standalone running the Debezium JDBC sink into PostgreSQL (from bench/peer/target/lib, tuned as
 * measured there: upsert keyed by the event id, batches of 2000, one task, pgjdbc's rewritten batch
 * inserts), drained when every event is a row.
 */
final class PeerTarget {
  static final String TABLE = "peer_events";

  private PeerTarget() {}

  /** The same events as Connect JSON in its topic; then Connect, drained when every row is in. */
  static Row run(
      ScenarioContext context,
      CatalogLines lines,
      int events,
      List<CatalogWorkload.Expected> sample,
      int round)
      throws Exception {
    String name = PEER + "-" + round;
    try (KafkaBroker broker = KafkaBroker.start(context, name + "-broker", List.of(TOPIC));
        Postgres.Schema schema = context.postgres().freshSchema()) {
      Topics.produce(broker.bootstrapServers(), TOPIC, events, lines::peerKey, lines::peerValue);
      context.postgres().checkpoint();
      String url = schema.url() + "&reWriteBatchedInserts=true";
      try (ChildJvm connect = start(context, name, broker.bootstrapServers(), TOPIC, url)) {
        Drain drain = new Drain(Map.of("connect", connect.pid(), "broker", broker.pid()));
        awaitRows(context.postgres(), schema.name(), connect, drain, events);
        return row(
            round, PEER, drain.stop(events), 0, sample.size(), mismatches(context, schema, sample));
      }
    }
  }

  /**
   * Watches the table's insert statistics (cheap, but up to seconds late), then counts the rows
   * exactly once they say nearly all are in: a count(*) of a million rows every poll would add
   * PostgreSQL CPU to the peer's figures.
   */
  private static void awaitRows(
      Postgres postgres, String schema, ChildJvm connect, Drain drain, long events)
      throws Exception {
    String inserted =
        "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE schemaname = '"
            + schema
            + "' AND relname = '"
            + TABLE
            + "'";
    AtomicLong seen = new AtomicLong();
    long lastChange = System.nanoTime();
    long deadline = lastChange + DRAIN_TIMEOUT.toNanos();
    try (var progress =
        ScenarioContext.every10Seconds(
            () -> String.format("peer: %,d rows of %,d", seen.get(), events))) {
      while (System.nanoTime() < deadline) {
        long stats = postgres.queryLong(inserted);
        if (stats != seen.getAndSet(stats)) {
          lastChange = System.nanoTime();
        }
        drain.seen(stats);
        boolean stalled = stats > 0 && System.nanoTime() - lastChange > 2_000_000_000L;
        if (stats >= events * 95 / 100 || stalled) {
          long rows = postgres.queryLong("SELECT count(*) FROM " + schema + "." + TABLE);
          drain.seen(rows);
          if (rows >= events) {
            return;
          }
        }
        connect.checkAlive();
        Thread.sleep(200);
      }
    }
    throw new TimeoutException(
        "the peer wrote "
            + seen.get()
            + " of "
            + events
            + " rows in 30 min; Connect's log ends:\n"
            + connect.logTail(15));
  }

  /** The sample's sums over the peer's rows, in one query. */
  private static int mismatches(
      ScenarioContext context, Postgres.Schema schema, List<CatalogWorkload.Expected> sample)
      throws Exception {
    String sql =
        "SELECT e.location_id, e.sku, sum(CASE WHEN e.type = 'sale' THEN -e.qty ELSE e.qty END),"
            + " count(*) FROM "
            + schema.name()
            + "."
            + TABLE
            + " e JOIN (VALUES "
            + String.join(",", Collections.nCopies(sample.size(), "(?, ?)"))
            + ") k(location_id, sku) ON e.location_id = k.location_id AND e.sku = k.sku"
            + " GROUP BY e.location_id, e.sku";
    Map<String, List<Long>> found = new HashMap<>();
    try (Connection connection = context.postgres().connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < sample.size(); i++) {
        statement.setString(2 * i + 1, sample.get(i).locationId());
        statement.setString(2 * i + 2, sample.get(i).sku());
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.put(
              rows.getString(1) + "/" + rows.getString(2),
              List.of(rows.getLong(3), rows.getLong(4)));
        }
      }
    }
    int mismatches = 0;
    for (CatalogWorkload.Expected expected : sample) {
      List<Long> sums = found.get(expected.locationId() + "/" + expected.sku());
      if (!List.of(expected.onHand(), (long) expected.movements()).equals(sums)) {
        mismatches++;
        ScenarioContext.say("  %s but the peer's rows sum to %s", expected, sums);
      }
    }
    return mismatches;
  }

  private static ChildJvm start(
      ScenarioContext context, String name, String servers, String topic, String jdbcUrl)
      throws IOException {
    Path worker = context.runDir().resolve(name + "-worker.properties");
    Files.writeString(
        worker,
        Cells.fillResource(
            "peer/connect-worker.properties",
            Map.of(
                "servers",
                servers,
                "offsets",
                context.runDir().resolve(name + "-offsets"),
                "listener",
                "http://" + LoopbackPorts.HOST + ":" + LoopbackPorts.free())));
    Path connector = context.runDir().resolve(name + "-jdbc-sink.properties");
    Files.writeString(
        connector,
        Cells.fillResource(
            "peer/jdbc-sink.properties",
            Map.of(
                "topic",
                topic,
                "url",
                jdbcUrl,
                "user",
                context.postgres().user(),
                "table",
                TABLE)));
    ChildJvm connect =
        ChildJvm.named(name)
            .jvmOptions(
                List.of(
                    "-Xmx1g",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Dlog4j.configuration=none",
                    // Hibernate's logging through slf4j rather than an unconfigured log4j
                    "-Dorg.jboss.logging.provider=slf4j",
                    "-Dcom.mchange.v2.log.MLog=com.mchange.v2.log.FallbackMLog",
                    "-Dcom.mchange.v2.log.FallbackMLog.DEFAULT_CUTOFF_LEVEL=WARNING"))
            .classpath(context.classpath("bench/peer"))
            .args(List.of(worker.toString(), connector.toString()))
            .start("org.apache.kafka.connect.cli.ConnectStandalone", context.log(name));
    ScenarioContext.say("Kafka Connect standalone started (pid %d)", connect.pid());
    return connect;
  }
}
