package io.shelfstream.engine.inventory;

import static io.shelfstream.engine.entity.Fate.ACCEPTED;
import static io.shelfstream.engine.entity.Fate.DUPLICATE;
import static io.shelfstream.engine.entity.Fate.FAILED;
import static io.shelfstream.engine.inventory.InventoryStateTest.count;
import static io.shelfstream.engine.inventory.InventoryStateTest.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.dedupe.DedupeIndex;
import io.shelfstream.engine.dedupe.DedupeSettings;
import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.entity.IngestReply;
import io.shelfstream.engine.inventory.LocationInventory.Command;
import io.shelfstream.engine.inventory.LocationInventory.Event;
import io.shelfstream.engine.inventory.LocationInventory.EventsRecorded;
import io.shelfstream.engine.inventory.LocationInventory.Journaled;
import io.shelfstream.engine.testkit.JournalDedupeIndex;
import io.shelfstream.engine.testkit.JournalRecordStore;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocationInventoryTest {
  private static ActorTestKit testKit;
  private static final GoldenRecordSettings SETTINGS = TestSettings.lastWriteWins();
  private EventSourcedBehaviorTestKit<Command, Journaled, LocationState> kit;

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

  @BeforeEach
  void fresh() {
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(), LocationInventory.create("S001", SETTINGS, stores(index("S001"))));
    kit.clear();
  }

  /** The stores an entity reads, over the testkit's journal, with room for every record. */
  private static LocationInventory.Stores stores(DedupeIndex index) {
    return new LocationInventory.Stores(
        index, new JournalRecordStore(testKit.system()), new RecordBudget(1_000_000));
  }

  private static JournalDedupeIndex index(String locationId) {
    return new JournalDedupeIndex(testKit.system(), "LocationInventory|" + locationId);
  }

  private IngestReply ingest(Event... events) {
    return kit.<IngestReply>runCommand(
            replyTo -> new LocationInventory.Ingest(List.of(events), replyTo))
        .reply();
  }

  private Optional<InventoryView> view(String sku) {
    return kit.<Optional<InventoryView>>runCommand(
            replyTo -> new LocationInventory.GetView(sku, replyTo))
        .reply();
  }

  private InventoryView view() {
    return view("SKU-1").orElseThrow();
  }

  @Test
  void journalsTheNewEventsOfACommandAsOneEntryAndRepliesOneStatusPerEvent() {
    var count = count("erp", "c1", "2026-03-01T08:00:00+01:00", 10);
    var sale = move(MovementKind.SALE, "s1", "2026-03-01T09:00:00+01:00", 3);
    var result =
        kit.<IngestReply>runCommand(
            replyTo -> new LocationInventory.Ingest(List.of(count, sale, count), replyTo));
    assertThat(result.reply().fates()).containsExactly(ACCEPTED, ACCEPTED, DUPLICATE);
    assertThat(result.events()).containsExactly(new EventsRecorded(List.of(count, sale)));
    assertThat(view().onHand()).isEqualTo(7);
    assertThat(view().locationId()).isEqualTo("S001");
    assertThat(view().sku()).isEqualTo("SKU-1");
  }

  @Test
  void eachSkuOfTheLocationHasARecordOfItsOwn() {
    var statuses =
        ingest(
            count("SKU-1", "erp", "c1", "2026-03-01T08:00:00Z", 10),
            count("SKU-2", "erp", "c2", "2026-03-01T08:00:00Z", 40),
            move("SKU-2", MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 5),
            // ids are unique per record: the same id on another SKU is another event
            move("SKU-1", MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 1));
    assertThat(statuses.fates()).containsOnly(ACCEPTED);
    assertThat(view("SKU-1").orElseThrow().onHand()).isEqualTo(9);
    assertThat(view("SKU-2").orElseThrow().onHand()).isEqualTo(35);
    assertThat(view("SKU-2").orElseThrow().version()).isEqualTo(2);
    assertThat(view("SKU-3")).isEmpty();
  }

  @Test
  void aRedeliveryIsADuplicateWithinABatchAndAcrossBatches() {
    var sale = move(MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 3);
    assertThat(ingest(sale, sale).fates()).containsExactly(ACCEPTED, DUPLICATE);

    var again =
        kit.<IngestReply>runCommand(
            replyTo -> new LocationInventory.Ingest(List.of(sale), replyTo));
    assertThat(again.reply().fates()).containsExactly(DUPLICATE);
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(view().onHand()).isEqualTo(-3);
  }

  @Test
  void theRecordsAndTheirDedupeSurviveARestart() {
    var sale = move(MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 3);
    ingest(
        count("pos", "c1", "2026-03-01T08:00:00Z", 10),
        sale,
        count("SKU-2", "pos", "c1", "2026-03-01T08:00:00Z", 4));

    var restarted = kit.restart();
    assertThat(restarted.state().sku("SKU-1").view(new InventoryKey("S001", "SKU-1"), SETTINGS))
        .extracting(InventoryView::onHand)
        .isEqualTo(7L);
    assertThat(ingest(sale).fates()).containsExactly(DUPLICATE);
    assertThat(view().onHand()).isEqualTo(7);
    assertThat(view().version()).isEqualTo(2);
    assertThat(view("SKU-2").orElseThrow().onHand()).isEqualTo(4);
  }

  @Test
  void aJournalWrittenOneEventPerEntryRecoversAsBefore() {
    var count = count("erp", "c1", "2026-03-01T08:00:00Z", 10);
    var sale = move(MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 3);
    var receipt = move(MovementKind.RECEIPT, "r1", "2026-03-01T10:00:00Z", 5);
    kit.persistenceTestKit().persistForRecovery("LocationInventory|S001", List.of(count, sale));
    kit.persistenceTestKit()
        .persistForRecovery(
            "LocationInventory|S001", List.of(new EventsRecorded(List.of(receipt))));

    kit.restart();
    assertThat(view().onHand()).isEqualTo(12);
    assertThat(view().version()).isEqualTo(3);
    assertThat(ingest(sale, receipt).fates()).containsExactly(DUPLICATE, DUPLICATE);
  }

  @Test
  void aFailedWriteIsAnsweredAtOnceAndItsResendIsAppliedExactlyOnce() {
    var count = count("erp", "c1", "2026-03-01T08:00:00Z", 10);
    var sale = move(MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 3);
    assertThat(ingest(count).fates()).containsExactly(ACCEPTED);

    kit.persistenceTestKit().failNextPersisted();
    var failed = ingest(sale);
    assertThat(failed.fates()).containsExactly(FAILED);
    assertThat(failed.failure()).contains("resend");

    // the entity restarted from the journal alone: the failed sale is neither remembered nor
    // applied, and the one write that got through is not applied twice
    assertThat(view().onHand()).isEqualTo(10);
    assertThat(view().version()).isEqualTo(1);
    assertThat(ingest(sale).fates()).containsExactly(ACCEPTED);
    assertThat(ingest(sale).fates()).containsExactly(DUPLICATE);
    assertThat(view().onHand()).isEqualTo(7);
    assertThat(view().version()).isEqualTo(2);
    assertThat(kit.persistenceTestKit().persistedInStorage("LocationInventory|S001"))
        .containsExactly(new EventsRecorded(List.of(count)), new EventsRecorded(List.of(sale)));

    kit.restart();
    assertThat(view().onHand()).isEqualTo(7);
    assertThat(view().version()).isEqualTo(2);
  }

  /** Ids within an hour of the newest, at most two per SKU; a snapshot every 3 events. */
  private static GoldenRecordSettings forgetful() {
    return new GoldenRecordSettings(
        SETTINGS.ranking(),
        SETTINGS.onHand(),
        SETTINGS.storeFields(),
        new DedupeSettings(Duration.ofHours(1), 2),
        3,
        0,
        4,
        Duration.ofSeconds(20),
        2000,
        1_000_000);
  }

  private static Event sale(String id, String at) {
    return move(MovementKind.SALE, id, "2026-03-01T" + at + ":00Z", 1);
  }

  @Test
  void aRedeliveryLongAfterItsIdWasForgottenIsStillADuplicate() {
    var index = index("S010");
    var forgetful =
        EventSourcedBehaviorTestKit.<Command, Journaled, LocationState>create(
            testKit.system(), LocationInventory.create("S010", forgetful(), stores(index)));
    forgetful.clear();
    Function<Event, Fate> send =
        event ->
            forgetful
                .<IngestReply>runCommand(
                    replyTo -> new LocationInventory.Ingest(List.of(event), replyTo))
                .reply()
                .fates()
                .get(0);
    for (String at : List.of("09:00", "10:00", "11:00", "12:00", "13:00")) {
      assertThat(send.apply(sale("s-" + at, at))).isEqualTo(ACCEPTED);
    }
    // a later count: the sales before it are no longer kept as movements, only remembered as ids
    assertThat(send.apply(count("erp", "c1", "2026-03-01T13:30:00Z", 100))).isEqualTo(ACCEPTED);
    assertThat(index.lookups()).as("in time order, memory decides every event").isZero();
    assertThat(forgetful.getState().sku("SKU-1").hasSeen("pos", "s-09:00")).isFalse();

    assertThat(send.apply(sale("s-09:00", "09:00"))).isEqualTo(DUPLICATE);
    assertThat(index.lookups()).isEqualTo(1);
    assertThat(send.apply(sale("late", "08:00")))
        .as("never seen, older than memory")
        .isEqualTo(ACCEPTED);
    assertThat(send.apply(sale("late", "08:00"))).isEqualTo(DUPLICATE);

    // from the newest snapshot and the journal after it, memory forgot the same ids
    forgetful.restart();
    assertThat(send.apply(sale("s-10:00", "10:00"))).isEqualTo(DUPLICATE);
    assertThat(send.apply(sale("late", "08:00"))).isEqualTo(DUPLICATE);
    assertThat(send.apply(sale("s-13:00", "13:00"))).isEqualTo(DUPLICATE);
    InventoryView view =
        forgetful
            .<Optional<InventoryView>>runCommand(
                replyTo -> new LocationInventory.GetView("SKU-1", replyTo))
            .reply()
            .orElseThrow();
    assertThat(view.onHand()).as("the count, after every sale").isEqualTo(100);
    assertThat(view.version()).isEqualTo(7);
    assertThat(forgetful.persistenceTestKit().persistedInStorage("LocationInventory|S010"))
        .hasSize(7);
  }

  @Test
  void aBatchThatCannotBeCheckedAgainstTheIndexFailsAtOnce() {
    DedupeIndex unreachable =
        keys -> CompletableFuture.failedFuture(new IllegalStateException("database unreachable"));
    var forgetful =
        EventSourcedBehaviorTestKit.<Command, Journaled, LocationState>create(
            testKit.system(), LocationInventory.create("S012", forgetful(), stores(unreachable)));
    forgetful.clear();
    forgetful.<IngestReply>runCommand(
        replyTo ->
            new LocationInventory.Ingest(
                List.of(sale("a", "09:00"), count("erp", "c1", "2026-03-01T12:00:00Z", 5)),
                replyTo));

    var reply =
        forgetful
            .<IngestReply>runCommand(
                replyTo ->
                    new LocationInventory.Ingest(
                        List.of(sale("c", "12:30"), sale("a", "09:00")), replyTo))
            .reply();
    assertThat(reply.fates()).containsExactly(FAILED, FAILED);
    assertThat(reply.failure()).contains("database unreachable").contains("resend");
    assertThat(forgetful.persistenceTestKit().persistedInStorage("LocationInventory|S012"))
        .hasSize(1);
  }

  /** An index whose answers wait until released, then read the journal as it is at that moment. */
  private static final class HeldIndex implements DedupeIndex {
    private final DedupeIndex journal;
    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    HeldIndex(DedupeIndex journal) {
      this.journal = journal;
    }

    @Override
    public synchronized CompletionStage<Set<EventKey>> journaled(Set<EventKey> keys) {
      if (open) {
        return journal.journaled(keys);
      }
      var answer = new CompletableFuture<Set<EventKey>>();
      held.add(() -> journal.journaled(keys).thenAccept(answer::complete));
      return answer;
    }

    synchronized int waiting() {
      return held.size();
    }

    synchronized void release() {
      open = true;
      held.forEach(Runnable::run);
    }
  }

  @Test
  void aBatchWaitsWhileAnEarlierOneIsCheckedSoThatARedeliveryInBothPassesOnce() {
    var index = new HeldIndex(index("S011"));
    var entity = testKit.spawn(LocationInventory.create("S011", forgetful(), stores(index)));
    var setUp = testKit.<IngestReply>createTestProbe();
    entity.tell(
        new LocationInventory.Ingest(
            List.of(sale("a", "09:00"), count("erp", "c1", "2026-03-01T12:00:00Z", 5)),
            setUp.ref()));
    setUp.expectMessageClass(IngestReply.class);

    // "late" was never seen, and is older than what memory keeps: both batches must ask the index
    var first = testKit.<IngestReply>createTestProbe();
    var second = testKit.<IngestReply>createTestProbe();
    entity.tell(new LocationInventory.Ingest(List.of(sale("late", "08:00")), first.ref()));
    entity.tell(
        new LocationInventory.Ingest(
            List.of(sale("late", "08:00"), sale("c", "12:30")), second.ref()));
    await().atMost(Duration.ofSeconds(5)).until(() -> index.waiting() == 1);
    first.expectNoMessage(Duration.ofMillis(200));
    assertThat(index.waiting()).as("the second batch waits for the first's lookup").isEqualTo(1);

    index.release();
    assertThat(first.expectMessageClass(IngestReply.class).fates()).containsExactly(ACCEPTED);
    assertThat(second.expectMessageClass(IngestReply.class).fates())
        .containsExactly(DUPLICATE, ACCEPTED);
  }

  @Test
  void neverSeenMeansNoRecord() {
    assertThat(view("SKU-1")).isEmpty();
  }

  private static GoldenRecordSettings snapshotting(int every, int bytesPerEvent) {
    return new GoldenRecordSettings(
        SETTINGS.ranking(),
        SETTINGS.onHand(),
        SETTINGS.storeFields(),
        SETTINGS.dedupe(),
        every,
        bytesPerEvent,
        4,
        Duration.ofSeconds(20),
        2000,
        1_000_000);
  }

  private static Event receipt(String sku, int n) {
    var at = Instant.parse("2026-03-01T09:00:00Z").plusSeconds(n);
    return move(sku, MovementKind.RECEIPT, "r" + n, at.toString(), 1);
  }

  private static List<Long> snapshotSequenceNrs(
      EventSourcedBehaviorTestKit<Command, Journaled, LocationState> kit, String persistenceId) {
    return kit.snapshotTestKit().orElseThrow().persistedInStorage(persistenceId).stream()
        .map(snapshot -> snapshot.first().sequenceNr())
        .toList();
  }

  @Test
  void snapshotsEveryNEventsKeepsTheNewestAndRecoversFromItWithItsDedupeMemory() {
    var snapshotting =
        EventSourcedBehaviorTestKit.<Command, Journaled, LocationState>create(
            testKit.system(),
            LocationInventory.create("S002", snapshotting(3, 0), stores(index("S002"))));
    snapshotting.clear();
    for (int i = 0; i < 7; i++) {
      int n = i;
      snapshotting.<IngestReply>runCommand(
          replyTo -> new LocationInventory.Ingest(List.of(receipt("SKU-" + (n % 2), n)), replyTo));
    }
    // snapshots after events 3 and 6; the first is deleted once the second is stored
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(snapshotSequenceNrs(snapshotting, "LocationInventory|S002"))
                    .containsExactly(6L));
    assertThat(snapshotting.persistenceTestKit().persistedInStorage("LocationInventory|S002"))
        .as("events are kept after a snapshot: the journal is the audit trail")
        .hasSize(7);

    LocationState recovered = snapshotting.restart().state();
    assertThat(recovered.skuCount()).isEqualTo(2);
    assertThat(recovered.sku("SKU-0").version()).isEqualTo(4);
    assertThat(recovered.sku("SKU-1").version()).isEqualTo(3);
    var redelivered =
        snapshotting.<IngestReply>runCommand(
            replyTo -> new LocationInventory.Ingest(List.of(receipt("SKU-0", 2)), replyTo));
    assertThat(redelivered.reply().fates()).containsExactly(DUPLICATE);
  }

  @Test
  void aLargeLocationSnapshotsLessOftenSoThatSnapshotsCostAboutTheirBytesPerEvent() {
    int bytesPerEvent = 1000;
    String id = "LocationInventory|S003";
    var snapshotting =
        EventSourcedBehaviorTestKit.<Command, Journaled, LocationState>create(
            testKit.system(),
            LocationInventory.create(
                "S003", snapshotting(3, bytesPerEvent), stores(index("S003"))));
    snapshotting.clear();
    // one batch of 300 events, one journal entry: small when the snapshot falls due, so one is
    // taken after it
    List<Event> history = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      history.add(receipt("SKU-" + (n % 10), n));
    }
    snapshotting.<IngestReply>runCommand(replyTo -> new LocationInventory.Ingest(history, replyTo));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(snapshotSequenceNrs(snapshotting, id)).containsExactly(1L));

    // now about 19 KB of records: the next snapshot comes after about 19 events, not 3
    long sizeAfterHistory = LocationSnapshotSerializer.sizeOf(snapshotting.getState());
    assertThat(sizeAfterHistory / bytesPerEvent).isGreaterThan(10);
    int n = 300;
    // a snapshot is stored before the command that triggered it is answered
    while (snapshotSequenceNrs(snapshotting, id).stream().allMatch(seqNr -> seqNr <= 1)
        && n < 400) {
      int next = n++;
      snapshotting.<IngestReply>runCommand(
          replyTo -> new LocationInventory.Ingest(List.of(receipt("SKU-1", next)), replyTo));
    }
    long sizeAtSnapshot = LocationSnapshotSerializer.sizeOf(snapshotting.getState());
    long eventsAfterHistory = n - 300;
    long snapshotAt = 1 + eventsAfterHistory;
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(snapshotSequenceNrs(snapshotting, id)).containsExactly(snapshotAt));
    // decided with the record before the last event: within one event's bytes of the final size
    assertThat(eventsAfterHistory)
        .isBetween(sizeAfterHistory / bytesPerEvent, sizeAtSnapshot / bytesPerEvent + 1);

    LocationState recovered = snapshotting.restart().state();
    assertThat(recovered.sku("SKU-1").version()).isEqualTo(30 + eventsAfterHistory);
  }

  @Test
  void aSnapshotSurvivesSerialization() {
    ingest(
        count("SKU-1", "erp", "c1", "2026-03-01T08:00:00Z", 10),
        move("SKU-2", MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 5));
    Object snapshot = LocationState.SNAPSHOTS.toJournal(kit.getState());
    Serialization serialization = SerializationExtension.get(testKit.system());
    byte[] bytes = serialization.serialize(snapshot).get();
    Object read =
        serialization
            .deserialize(
                bytes,
                serialization.findSerializerFor(snapshot).identifier(),
                Serializers.manifestFor(serialization.findSerializerFor(snapshot), snapshot))
            .get();
    LocationState restored = LocationState.SNAPSHOTS.fromJournal(read);
    var key = new InventoryKey("S001", "SKU-2");
    assertThat(restored.skuCount()).isEqualTo(2);
    assertThat(restored.sku("SKU-2").view(key, SETTINGS)).isEqualTo(view("SKU-2").orElseThrow());
    assertThat(restored.sku("SKU-2").hasSeen("pos", "s1")).isTrue();
    assertThat(restored.sku("SKU-1").view(key, SETTINGS).onHand()).isEqualTo(10);
  }
}
