package io.shelfstream.persistence.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.record.EventAck;
import io.shelfstream.engine.record.GoldenRecords;
import io.shelfstream.engine.testkit.SingleNodeCluster;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.journal.JournalConfig;
import io.shelfstream.persistence.schema.SchemaCreator;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.pos.ParseResult;
import io.shelfstream.protocols.pos.PosLineParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact dedupe on the node's journal: every event's key is indexed in the transaction that journals
 * it, and an event an entity forgot long ago is still recognised, across restarts and snapshots.
 */
class DedupeIndexTest {
  private static final PosLineParser PARSER = new PosLineParser();
  private static final Instant DAY_1 = Instant.parse("2026-03-01T09:00:00Z");

  /** A node's journal and golden record with a memory of one hour, two ids per SKU. */
  private static ActorSystem<Void> start(TestDatabase db) {
    SchemaCreator.createIfMissing(db.settings());
    var config =
        ConfigFactory.parseString(
                "shelfstream.golden-record { dedupe { window = 1h, max-ids = 2 },"
                    + " snapshot-every = 3, snapshot-bytes-per-event = 0 }")
            .withFallback(JournalConfig.forDatabase(db.settings()))
            .withFallback(SingleNodeCluster.config())
            .withFallback(ConfigFactory.load());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "dedupe-test", config);
    SingleNodeCluster.joinSelf(system);
    return system;
  }

  private static GoldenRecords records(ActorSystem<Void> system, TestDatabase db) {
    return GoldenRecords.start(
        system,
        GoldenRecordSettings.fromConfig(system.settings().config()),
        db.dedupeIndex(),
        db.recordStore());
  }

  private static RetailEvent event(String json) {
    return ((ParseResult.Parsed) PARSER.parse(json)).event();
  }

  private static RetailEvent sale(String id, Instant at) {
    return event(
        "{\"type\":\"sale\",\"eventId\":\""
            + id
            + "\",\"occurredAt\":\""
            + at
            + "\",\"locationId\":\"L1\",\"sku\":\"A\",\"qty\":1}");
  }

  private static RetailEvent count(String id, Instant at, int onHand) {
    return event(
        "{\"type\":\"count\",\"source\":\"erp\",\"eventId\":\""
            + id
            + "\",\"occurredAt\":\""
            + at
            + "\",\"locationId\":\"L1\",\"sku\":\"A\",\"onHand\":"
            + onHand
            + "}");
  }

  private static RetailEvent store(String id, Instant at) {
    return event(
        "{\"type\":\"store\",\"eventId\":\""
            + id
            + "\",\"occurredAt\":\""
            + at
            + "\",\"storeId\":\"L1\",\"name\":\"Lyon "
            + id
            + "\"}");
  }

  /** Thirty days of a SKU's history: a sale an hour in opening hours, a count each morning. */
  private static List<RetailEvent> history() {
    List<RetailEvent> events = new ArrayList<>();
    for (int day = 0; day < 30; day++) {
      Instant morning = DAY_1.plus(Duration.ofDays(day));
      events.add(count("c" + day, morning, 100));
      for (int hour = 1; hour <= 8; hour++) {
        events.add(sale("s" + day + "-" + hour, morning.plus(Duration.ofHours(hour))));
      }
      events.add(store("m" + day, morning));
    }
    return events;
  }

  private static List<Fate> ingest(GoldenRecords records, List<RetailEvent> events)
      throws Exception {
    List<Fate> statuses = new ArrayList<>();
    // in batches of a day, as a source sends them
    for (int from = 0; from < events.size(); from += 10) {
      records
          .ingest(events.subList(from, Math.min(events.size(), from + 10)))
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS)
          .forEach(ack -> statuses.add(ack.fate()));
    }
    return statuses;
  }

  private static long rows(TestDatabase db, String table) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                db.settings().url(), db.settings().user(), db.settings().password());
        Statement sql = connection.createStatement();
        ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
      count.next();
      return count.getLong(1);
    }
  }

  private static long journaledEvents(TestDatabase db) throws SQLException {
    return rows(db, "dedupe_index");
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aRedeliveryOfAMonthOfHistoryIsADuplicateAfterARestart(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      List<RetailEvent> history = history();
      ActorSystem<Void> first = start(db);
      try {
        assertThat(ingest(records(first, db), history)).containsOnly(Fate.ACCEPTED);
        assertThat(journaledEvents(db)).isEqualTo(history.size());
        var index = db.dedupeIndex();
        long s01 = DAY_1.plus(Duration.ofHours(1)).toEpochMilli();
        long m0 = DAY_1.toEpochMilli();
        Set<EventKey> keys =
            Set.of(
                EventKey.of("inventory", "L1|A", "pos", "s0-1", s01),
                EventKey.of("store", "L1", "pos", "m0", m0),
                EventKey.of("inventory", "L1|A", "pos", "never", s01),
                // the right digest on another day is another key
                EventKey.of("store", "L1", "pos", "m0", m0 + Duration.ofDays(1).toMillis()));
        assertThat(index.journaled(keys).toCompletableFuture().get(10, TimeUnit.SECONDS))
            .containsExactlyInAnyOrder(
                EventKey.of("inventory", "L1|A", "pos", "s0-1", s01),
                EventKey.of("store", "L1", "pos", "m0", m0));
        // the whole month again, in the same node: far beyond what the entities remember
        assertThat(ingest(records(first, db), history)).containsOnly(Fate.DUPLICATE);
      } finally {
        first.terminate();
        first.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }

      long journalRows = rows(db, "event_journal");
      ActorSystem<Void> second = start(db);
      try {
        // from their snapshots, in another order
        List<RetailEvent> backwards = new ArrayList<>(history);
        java.util.Collections.reverse(backwards);
        assertThat(ingest(records(second, db), backwards)).containsOnly(Fate.DUPLICATE);
        RetailEvent late = sale("late", DAY_1.minus(Duration.ofDays(3)));
        assertThat(ingest(records(second, db), List.of(late, late)))
            .containsExactly(Fate.ACCEPTED, Fate.DUPLICATE);
        assertThat(rows(db, "event_journal")).isEqualTo(journalRows + 1);
        assertThat(journaledEvents(db)).isEqualTo(history.size() + 1);
      } finally {
        second.terminate();
        second.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aForgottenIdSentAgainWithAnotherTimeFailsOnceThenIsADuplicate(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      ActorSystem<Void> system = start(db);
      try {
        GoldenRecords records = records(system, db);
        assertThat(ingest(records, history())).containsOnly(Fate.ACCEPTED);
        // a count that evening: the day's sales are behind it, kept only as ids, and forgotten
        Instant lastDay = DAY_1.plus(Duration.ofDays(29));
        assertThat(
                ingest(records, List.of(count("evening", lastDay.plus(Duration.ofHours(11)), 7))))
            .containsExactly(Fate.ACCEPTED);
        // the day's first sale sent again at a later time of the same day, later than any the SKU
        // forgot: memory takes it for new, and the index's key refuses it
        RetailEvent retimed = sale("s29-1", lastDay.plus(Duration.ofHours(9)));
        List<EventAck> first =
            records.ingest(List.of(retimed)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(first).extracting(EventAck::fate).containsExactly(Fate.FAILED);
        assertThat(first.get(0).reason()).contains("resend");

        assertThat(ingest(records, List.of(retimed))).containsExactly(Fate.DUPLICATE);
        assertThat(journaledEvents(db))
            .as("the history and the evening count")
            .isEqualTo(history().size() + 1);
      } finally {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aJournalWrittenBeforeTheIndexIsIndexedOnceWhenANodeStarts(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      ActorSystem<Void> system = start(db);
      try (var pool = ConnectionPool.open(db.settings(), 2, "test")) {
        assertThat(ingest(records(system, db), history())).containsOnly(Fate.ACCEPTED);
        try (Connection connection = pool.getConnection();
            Statement sql = connection.createStatement()) {
          sql.execute("DELETE FROM \"dedupe_index\"");
        }

        DedupeIndexBackfill.runOnce(system, pool, db.settings().dialect());
        assertThat(journaledEvents(db)).isEqualTo(history().size());
        assertThat(rows(db, "schema_migration")).isEqualTo(1);

        try (Connection connection = pool.getConnection();
            Statement sql = connection.createStatement()) {
          sql.execute("DELETE FROM \"dedupe_index\"");
        }
        DedupeIndexBackfill.runOnce(system, pool, db.settings().dialect());
        assertThat(journaledEvents(db)).as("once per database").isZero();
      } finally {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }
}
