package io.shelfstream.persistence.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.InventoryView;
import io.shelfstream.engine.record.EventAck;
import io.shelfstream.engine.record.GoldenRecords;
import io.shelfstream.engine.testkit.SingleNodeCluster;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.journal.JournalConfig;
import io.shelfstream.persistence.schema.SchemaCreator;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.pos.ParseResult;
import io.shelfstream.protocols.pos.PosLineParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A location with more SKUs than a node keeps in memory, on the node's journal: the records beyond
 * its share are rows of record_state, written with the entries that evicted them, and every record
 * reads the same, live and after a restart.
 */
class RecordStoreTest {
  private static final PosLineParser PARSER = new PosLineParser();
  private static final int SKUS = 300;

  private static ActorSystem<Void> start(TestDatabase db) {
    SchemaCreator.createIfMissing(db.settings());
    var config =
        ConfigFactory.parseString(
                "shelfstream.golden-record { records-in-memory = 1, snapshot-every = 50,"
                    + " snapshot-bytes-per-event = 0 }")
            .withFallback(JournalConfig.forDatabase(db.settings()))
            .withFallback(SingleNodeCluster.config())
            .withFallback(ConfigFactory.load());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "record-store-test", config);
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

  /** A count for each SKU, then a sale for each, in batches of 20. */
  private static List<List<RetailEvent>> batches() {
    List<RetailEvent> events = new ArrayList<>();
    for (int k = 0; k < SKUS; k++) {
      events.add(
          event(
              "{\"type\":\"count\",\"eventId\":\"c%d\",\"occurredAt\":\"2026-03-01T08:00:00Z\",\"locationId\":\"BIG\",\"sku\":\"K%d\",\"onHand\":%d}"
                  .formatted(k, k, 100 + k)));
    }
    for (int k = 0; k < SKUS; k++) {
      events.add(
          event(
              "{\"type\":\"sale\",\"eventId\":\"s%d\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"BIG\",\"sku\":\"K%d\",\"qty\":%d}"
                  .formatted(k, k, 1 + k % 5)));
    }
    List<List<RetailEvent>> batches = new ArrayList<>();
    for (int from = 0; from < events.size(); from += 20) {
      batches.add(events.subList(from, from + 20));
    }
    return batches;
  }

  private static List<Fate> ingest(GoldenRecords records, List<List<RetailEvent>> batches)
      throws Exception {
    List<Fate> fates = new ArrayList<>();
    for (List<RetailEvent> batch : batches) {
      records.ingest(batch).toCompletableFuture().get(30, TimeUnit.SECONDS).stream()
          .map(EventAck::fate)
          .forEach(fates::add);
    }
    return fates;
  }

  private static void assertEveryRecord(GoldenRecords records) throws Exception {
    for (int k = 0; k < SKUS; k++) {
      InventoryView view =
          records
              .inventory(new InventoryKey("BIG", "K" + k))
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS)
              .orElseThrow();
      assertThat(view.onHand()).as("K%d", k).isEqualTo(100 + k - (1 + k % 5));
      assertThat(view.version()).isEqualTo(2);
    }
  }

  private static long storedRecords(TestDatabase db) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                db.settings().url(), db.settings().user(), db.settings().password());
        Statement sql = connection.createStatement();
        ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM \"record_state\"")) {
      count.next();
      return count.getLong(1);
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void recordsBeyondTheShareAreRowsAndReadTheSameAfterARestart(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      ActorSystem<Void> first = start(db);
      try {
        GoldenRecords records = records(first, db);
        assertThat(ingest(records, batches())).containsOnly(Fate.ACCEPTED);
        assertThat(storedRecords(db))
            .as("the records beyond the share of 100")
            .isGreaterThanOrEqualTo(SKUS - 120);
        assertEveryRecord(records);
      } finally {
        first.terminate();
        first.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      ActorSystem<Void> second = start(db);
      try {
        GoldenRecords records = records(second, db);
        assertEveryRecord(records);
        assertThat(ingest(records, batches())).containsOnly(Fate.DUPLICATE);
      } finally {
        second.terminate();
        second.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }
}
