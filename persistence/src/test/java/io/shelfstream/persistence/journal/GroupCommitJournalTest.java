package io.shelfstream.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.LocationInventory;
import io.shelfstream.engine.record.EventAck;
import io.shelfstream.engine.record.GoldenRecords;
import io.shelfstream.engine.testkit.SingleNodeCluster;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.schema.SchemaCreator;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.pos.ParseResult;
import io.shelfstream.protocols.pos.PosLineParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The group-commit journal keeps every guarantee the stock one gives: many entities persisting at
 * once, every event read back exactly once by tag and by entity, in order; snapshots; and recovery
 * in a new actor system.
 */
class GroupCommitJournalTest {
  private static final PosLineParser PARSER = new PosLineParser();
  private static final int ENTITIES = 120;
  private static final int EVENTS_PER_ENTITY = 12;
  // entity n is SKU "S<n>" at location "L<n % 7>"
  private static final int LOCATIONS = 7;
  private static final long SKUS_AT_L3 =
      IntStream.range(0, ENTITIES).filter(n -> n % 7 == 3).count();

  private static ActorSystem<Void> start(TestDatabase db) {
    SchemaCreator.createIfMissing(db.settings());
    var config =
        ConfigFactory.parseString(
                "shelfstream.golden-record { snapshot-every = 5, snapshot-bytes-per-event = 0 }")
            .withFallback(JournalConfig.forDatabase(db.settings()))
            .withFallback(SingleNodeCluster.config())
            .withFallback(ConfigFactory.load());
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "group-commit-test", config);
    SingleNodeCluster.joinSelf(system);
    return system;
  }

  private static RetailEvent sale(int entity, int n) {
    String json =
        "{\"type\":\"sale\",\"eventId\":\"e"
            + entity
            + "-"
            + n
            + "\",\"occurredAt\":\"2026-03-01T09:"
            + String.format("%02d", n)
            + ":00Z\",\"locationId\":\"L"
            + (entity % LOCATIONS)
            + "\",\"sku\":\"S"
            + entity
            + "\",\"qty\":1}";
    return ((ParseResult.Parsed) PARSER.parse(json)).event();
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void concurrentWritersLoseNothingAndReadersSeeEachEventOnceInOrder(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      ActorSystem<Void> first = start(db);
      long entriesWritten;
      var settings = GoldenRecordSettings.fromConfig(first.settings().config());
      try {
        var records = GoldenRecords.start(first, settings, db.dedupeIndex(), db.recordStore());
        // one ingest call per round, all rounds at once: every entity persists concurrently
        List<CompletableFuture<List<EventAck>>> calls = new ArrayList<>();
        for (int n = 0; n < EVENTS_PER_ENTITY; n++) {
          List<RetailEvent> round = new ArrayList<>();
          for (int entity = 0; entity < ENTITIES; entity++) {
            round.add(sale(entity, n));
          }
          calls.add(records.ingest(round).toCompletableFuture());
        }
        for (var call : calls) {
          assertThat(call.get(60, TimeUnit.SECONDS)).containsOnly(EventAck.ACCEPTED);
        }

        var replay = new JournalReplay(first);
        Set<String> seen = new HashSet<>();
        Map<String, Long> lastSequenceByEntity = new HashMap<>();
        for (int slice = 0; slice < settings.tagSlices(); slice++) {
          long previousOffset = 0;
          for (var entry :
              replay
                  .byTag(settings.sliceTag(LocationInventory.TAG_PREFIX, slice), 0, 100_000)
                  .toCompletableFuture()
                  .get(30, TimeUnit.SECONDS)) {
            assertThat(entry.offset()).as("journal order").isGreaterThan(previousOffset);
            previousOffset = entry.offset();
            for (var event : ((LocationInventory.Journaled) entry.event()).events()) {
              assertThat(seen.add(entry.persistenceId() + "#" + event.stamp().eventId()))
                  .as("seen once")
                  .isTrue();
            }
            Long before = lastSequenceByEntity.put(entry.persistenceId(), entry.sequenceNr());
            assertThat(entry.sequenceNr())
                .as("an entity's entries in sequence order")
                .isEqualTo(before == null ? 1 : before + 1);
          }
        }
        assertThat(seen).hasSize(ENTITIES * EVENTS_PER_ENTITY);
        entriesWritten = lastSequenceByEntity.values().stream().mapToLong(Long::longValue).sum();
        var l3 =
            replay
                .byPersistenceId("LocationInventory|L3", 1, 1000)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        long l3Entries = lastSequenceByEntity.get("LocationInventory|L3");
        assertThat(l3)
            .extracting(JournalReplay.ReplayedEvent::sequenceNr)
            .as("every entry of location L3, in sequence")
            .containsExactlyElementsOf(LongStream.rangeClosed(1, l3Entries).boxed().toList());
        assertThat(
                l3.stream()
                    .mapToInt(
                        entry -> ((LocationInventory.Journaled) entry.event()).events().size())
                    .sum())
            .as("every event of location L3's SKUs")
            .isEqualTo(SKUS_AT_L3 * EVENTS_PER_ENTITY);
        // every location snapshotted many times; each deletes those before it once stored
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () ->
                    assertThat(count(db, "SELECT COUNT(*) FROM \"snapshot\""))
                        .isEqualTo(LOCATIONS));
        assertThat(
                count(
                    db,
                    "SELECT MAX(\"sequence_number\") FROM \"snapshot\""
                        + " WHERE \"persistence_id\" = 'LocationInventory|L3'"))
            .as("L3's newest snapshot is the one kept: at most 5 events, so 5 entries, after it")
            .isGreaterThan(l3Entries - 5);
      } finally {
        first.terminate();
        first.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }

      assertThat(count(db, "SELECT COUNT(*) FROM \"event_journal\""))
          .as("no entry deleted by snapshots")
          .isEqualTo(entriesWritten);

      ActorSystem<Void> second = start(db);
      try {
        var records = GoldenRecords.start(second, settings, db.dedupeIndex(), db.recordStore());
        var view =
            records
                .inventory(new InventoryKey("L3", "S10"))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS)
                .orElseThrow();
        assertThat(view.onHand()).isEqualTo(-EVENTS_PER_ENTITY);
        assertThat(view.version()).isEqualTo(EVENTS_PER_ENTITY);
        assertThat(
                records
                    .ingest(List.of(sale(10, 3)))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS))
            .as("dedupe recovered from snapshot and journal")
            .containsExactly(EventAck.DUPLICATE);
      } finally {
        second.terminate();
        second.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                db.settings().url(), db.settings().user(), db.settings().password());
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
