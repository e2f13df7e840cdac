package io.shelfstream.engine.inventory;

import static io.shelfstream.engine.inventory.InventoryStateTest.count;
import static io.shelfstream.engine.inventory.InventoryStateTest.move;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.entity.IngestReply;
import io.shelfstream.engine.inventory.LocationInventory.Command;
import io.shelfstream.engine.inventory.LocationInventory.Event;
import io.shelfstream.engine.inventory.LocationInventory.Journaled;
import io.shelfstream.engine.testkit.JournalDedupeIndex;
import io.shelfstream.engine.testkit.JournalRecordStore;
import io.shelfstream.protocols.event.MovementKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A location with more SKU records than its share of the node's records-in-memory keeps the rest in
 * the record store, and every record stays what it would be with all of them in memory: live, after
 * a restart from a snapshot and the journal after it, for events of records in the store too.
 */
class LocationRecordsInMemoryTest {
  private static final int SKUS = 260;
  private static final int SHARE = RecordBudget.MIN_PER_LOCATION; // the budget gives no more
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit =
        ActorTestKit.create(
            EventSourcedBehaviorTestKit.config()
                .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config()));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  /** A snapshot every 40 events, so that restarts replay a journal after one. */
  private static GoldenRecordSettings settings() {
    return settings(40);
  }

  private static GoldenRecordSettings settings(int snapshotEvery) {
    var base = TestSettings.lastWriteWins();
    return new GoldenRecordSettings(
        base.ranking(),
        base.onHand(),
        base.storeFields(),
        base.dedupe(),
        snapshotEvery,
        0,
        4,
        Duration.ofSeconds(20),
        2000,
        1_000_000);
  }

  private static EventSourcedBehaviorTestKit<Command, Journaled, LocationState> entity(
      String locationId, int recordsInMemory, JournalRecordStore store) {
    return entity(locationId, recordsInMemory, store, settings());
  }

  private static EventSourcedBehaviorTestKit<Command, Journaled, LocationState> entity(
      String locationId,
      int recordsInMemory,
      JournalRecordStore store,
      GoldenRecordSettings settings) {
    var stores =
        new LocationInventory.Stores(
            new JournalDedupeIndex(testKit.system(), "LocationInventory|" + locationId),
            store,
            new RecordBudget(recordsInMemory));
    var kit =
        EventSourcedBehaviorTestKit.<Command, Journaled, LocationState>create(
            testKit.system(), LocationInventory.create(locationId, settings, stores));
    kit.clear();
    return kit;
  }

  private static List<Fate> ingest(
      EventSourcedBehaviorTestKit<Command, Journaled, LocationState> kit, List<Event> events) {
    return kit.<IngestReply>runCommand(replyTo -> new LocationInventory.Ingest(events, replyTo))
        .reply()
        .fates();
  }

  private static Optional<InventoryView> view(
      EventSourcedBehaviorTestKit<Command, Journaled, LocationState> kit, String sku) {
    return kit.<Optional<InventoryView>>runCommand(
            replyTo -> new LocationInventory.GetView(sku, replyTo))
        .reply();
  }

  /** Counts, sales and receipts on random SKUs, with some batches sent twice. */
  private static List<List<Event>> batches(long seed) {
    Random random = new Random(seed);
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    List<List<Event>> batches = new ArrayList<>();
    int n = 0;
    for (int b = 0; b < 120; b++) {
      List<Event> batch = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(12); i++, n++) {
        String sku = "SKU-" + random.nextInt(SKUS);
        String at = start.plusSeconds(60L * n + random.nextInt(3600)).toString();
        batch.add(
            switch (random.nextInt(4)) {
              case 0 ->
                  count(sku, random.nextBoolean() ? "erp" : "pos", "c" + n, at, random.nextInt(50));
              case 1 -> move(sku, MovementKind.RECEIPT, "r" + n, at, 1 + random.nextInt(5));
              default -> move(sku, MovementKind.SALE, "s" + n, at, 1 + random.nextInt(3));
            });
      }
      batches.add(batch);
      if (random.nextInt(8) == 0) {
        batches.add(batch); // a redelivery
      }
    }
    return batches;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void everyRecordIsTheSameAsWithAllInMemoryLiveAndAfterRestarts(long seed) {
    var store = new JournalRecordStore(testKit.system());
    var bounded = entity("BOUNDED-" + seed, 1, store);
    var unbounded = entity("ALL-" + seed, 1_000_000, new JournalRecordStore(testKit.system()));
    List<List<Event>> batches = batches(seed);
    for (int b = 0; b < batches.size(); b++) {
      assertThat(ingest(bounded, batches.get(b)))
          .as("batch %d", b)
          .isEqualTo(ingest(unbounded, batches.get(b)));
      assertThat(bounded.getState().skuCount())
          .as("records in memory after batch %d", b)
          .isLessThanOrEqualTo(SHARE + batches.get(b).size());
      if (b % 37 == 36) {
        bounded.restart();
      }
    }
    assertThat(store.loads()).as("records were read back from the store").isGreaterThan(0);
    assertThat(bounded.getState().evictedSkus().size()).isGreaterThan(SKUS - SHARE - 20);

    bounded.restart();
    for (int k = 0; k < SKUS; k++) {
      String sku = "SKU-" + k;
      assertThat(view(bounded, sku).map(InventoryView::onHand))
          .as(sku)
          .isEqualTo(view(unbounded, sku).map(InventoryView::onHand));
      assertThat(view(bounded, sku).map(InventoryView::version))
          .as(sku + " version")
          .isEqualTo(view(unbounded, sku).map(InventoryView::version));
    }
    // every batch again, after all that: each event once, wherever its record is
    for (List<Event> batch : batches) {
      assertThat(ingest(bounded, batch)).containsOnly(Fate.DUPLICATE);
    }
  }

  /**
   * A record evicted before the snapshot, loaded, changed and evicted again after it: at recovery
   * its replayed events wait, and those its newer row already holds are not applied again.
   */
  @org.junit.jupiter.api.Test
  void eventsReplayedForARecordWhoseRowIsNewerAreNotAppliedTwice() {
    var kit = entity("TWICE", 1, new JournalRecordStore(testKit.system()), settings(110));
    Instant at = Instant.parse("2026-03-01T00:00:00Z");
    int n = 0;
    ingest(kit, List.of(count("A", "erp", "c", at.toString(), 50)));
    n++;
    // one event per entry: A, the least recently used, goes when the 101st filler comes
    for (int f = 0; f < 109; f++, n++) {
      ingest(
          kit,
          List.of(move("F" + f, MovementKind.RECEIPT, "f" + f, at.plusSeconds(n).toString(), 1)));
    }
    assertThat(kit.getState().mustLoad("A"))
        .as("evicted before the snapshot of entry 110")
        .isTrue();
    ingest(kit, List.of(move("A", MovementKind.SALE, "sale", at.plusSeconds(++n).toString(), 3)));
    for (int f = 109; f < 215; f++, n++) {
      ingest(
          kit,
          List.of(move("F" + f, MovementKind.RECEIPT, "f" + f, at.plusSeconds(n).toString(), 1)));
    }
    assertThat(kit.getState().mustLoad("A")).as("evicted again, with its sale").isTrue();

    kit.restart(); // from the snapshot of entry 110: the sale replays for a record in the store
    InventoryView a = view(kit, "A").orElseThrow();
    assertThat(a.onHand()).isEqualTo(47);
    assertThat(a.version()).isEqualTo(2);
  }
}
