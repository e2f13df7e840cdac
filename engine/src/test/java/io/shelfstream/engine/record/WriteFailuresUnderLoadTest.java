package io.shelfstream.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.dedupe.DedupeSettings;
import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.InventoryView;
import io.shelfstream.engine.inventory.LocationInventory;
import io.shelfstream.engine.inventory.RecordBudget;
import io.shelfstream.engine.policy.ConflictPolicy;
import io.shelfstream.engine.testkit.JournalDedupeIndex;
import io.shelfstream.engine.testkit.JournalRecordStore;
import io.shelfstream.engine.testkit.SingleNodeCluster;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.StockMovement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.JournalOperation;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.ProcessingPolicy;
import org.apache.pekko.persistence.testkit.ProcessingResult;
import org.apache.pekko.persistence.testkit.ProcessingSuccess;
import org.apache.pekko.persistence.testkit.Reject;
import org.apache.pekko.persistence.testkit.StorageFailure;
import org.apache.pekko.persistence.testkit.WriteEvents;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that resend what is answered {@code failed}, against entities whose journal writes fail
 * or are rejected now and then, with snapshots on and a memory of ids short enough that the dedupe
 * index is asked: every event is journaled exactly once, every golden record equals the totals
 * computed apart, live and as recovered from snapshots and the journal.
 */
class WriteFailuresUnderLoadTest {
  private static final int LOCATIONS = 8;
  private static final int SKUS = 6;
  private static final int EVENTS = 1500;
  private static final int CLIENTS = 6;
  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  private static ActorTestKit testKit;
  private static PersistenceTestKit journal;
  private static GoldenRecords records;
  private static JournalDedupeIndex index;

  private static GoldenRecordSettings settings() {
    return new GoldenRecordSettings(
        TestSettings.RANKING,
        new ConflictPolicy.LastWriteWins(TestSettings.RANKING),
        TestSettings.lastWriteWins().storeFields(),
        new DedupeSettings(Duration.ofHours(2), 3),
        7,
        0,
        4,
        Duration.ofSeconds(20),
        2000,
        1_000_000);
  }

  @BeforeAll
  static void start() {
    testKit =
        ActorTestKit.create(
            "write-failures",
            PersistenceTestKitPlugin.getInstance()
                .config()
                .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
                .withFallback(SingleNodeCluster.config()));
    SingleNodeCluster.joinSelf(testKit.system());
    journal = PersistenceTestKit.create(testKit.system());
    String[] persistenceIds = new String[LOCATIONS];
    for (int l = 0; l < LOCATIONS; l++) {
      persistenceIds[l] = LocationInventory.persistenceIdOf("W" + l).id();
    }
    index = new JournalDedupeIndex(testKit.system(), persistenceIds);
    records =
        GoldenRecords.start(
            testKit.system(), settings(), index, new JournalRecordStore(testKit.system()));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  /** About one write in twenty fails (a storage failure) and one in eighty is rejected. */
  private static final class FlakyJournal implements ProcessingPolicy<JournalOperation> {
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public ProcessingResult tryProcess(String persistenceId, JournalOperation operation) {
      if (operation instanceof WriteEvents) {
        // a fixed schedule, not dice: how many writes a run makes depends on batching
        int dice = writes.getAndIncrement() % 80;
        if (dice % 20 == 3) {
          failed.incrementAndGet();
          return StorageFailure.create(new IllegalStateException("injected write failure"));
        }
        if (dice == 9) {
          rejected.incrementAndGet();
          return Reject.create(new IllegalStateException("injected rejection"));
        }
      }
      return ProcessingSuccess.getInstance();
    }
  }

  private static RetailEvent movement(int n, Random random) {
    int location = random.nextInt(LOCATIONS);
    int sku = random.nextInt(SKUS);
    boolean sale = random.nextInt(3) > 0;
    // out of order by up to a day, so that ids fall outside the two-hour memory
    Instant at =
        START.plus(Duration.ofMinutes(n)).minus(Duration.ofMinutes(random.nextInt(24 * 60)));
    return new StockMovement(
        "e" + n,
        "pos",
        at.atOffset(ZoneOffset.UTC),
        new InventoryKey("W" + location, "K" + sku),
        sale ? MovementKind.SALE : MovementKind.RECEIPT,
        1 + random.nextInt(4),
        null,
        null,
        null);
  }

  /** Sends a batch until no event of it is answered failed; redelivers some accepted ones. */
  private static void sendUntilDurable(List<RetailEvent> batch, Random random) throws Exception {
    List<RetailEvent> pending = new ArrayList<>(batch);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!pending.isEmpty()) {
      assertThat(System.nanoTime()).as("durable within 90 s").isLessThan(deadline);
      List<EventAck> acks = records.ingest(pending).toCompletableFuture().get(60, TimeUnit.SECONDS);
      List<RetailEvent> failed = new ArrayList<>();
      for (int i = 0; i < acks.size(); i++) {
        if (acks.get(i).fate() == Fate.FAILED) {
          failed.add(pending.get(i));
        }
      }
      pending = failed;
    }
    if (random.nextInt(4) == 0) {
      // a client that lost the answer sends it all again
      List<EventAck> again = records.ingest(batch).toCompletableFuture().get(60, TimeUnit.SECONDS);
      assertThat(again).extracting(EventAck::fate).doesNotContain(Fate.ACCEPTED);
    }
  }

  @Test
  void everyAcknowledgedEventIsJournaledOnceAndEveryRecordIsRight() throws Exception {
    Random random = new Random(42);
    List<RetailEvent> events = new ArrayList<>();
    Map<InventoryKey, Long> truth = new HashMap<>();
    for (int n = 0; n < EVENTS; n++) {
      var movement = (StockMovement) movement(n, random);
      events.add(movement);
      truth.merge(movement.key(), movement.kind().delta(movement.qty()), Long::sum);
    }
    Collections.shuffle(events, random);

    var flaky = new FlakyJournal();
    journal.withPolicy(flaky);
    List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.add(
          CompletableFuture.runAsync(
              () -> {
                Random own = new Random(client);
                for (int from = client * 25; from < EVENTS; from += CLIENTS * 25) {
                  try {
                    sendUntilDurable(events.subList(from, Math.min(EVENTS, from + 25)), own);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              }));
    }
    CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
    journal.resetPolicy();
    assertThat(flaky.failed.get()).as("writes failed").isGreaterThanOrEqualTo(3);
    assertThat(flaky.rejected.get()).as("writes rejected").isGreaterThan(0);
    assertThat(index.lookups()).as("the index was asked for forgotten ids").isGreaterThan(0);

    Set<String> journaled = new HashSet<>();
    int entries = 0;
    for (int l = 0; l < LOCATIONS; l++) {
      for (Object entry :
          journal.persistedInStorage(LocationInventory.persistenceIdOf("W" + l).id())) {
        for (LocationInventory.Event event : ((LocationInventory.Journaled) entry).events()) {
          assertThat(journaled.add(event.stamp().eventId()))
              .as("%s journaled once", event.stamp().eventId())
              .isTrue();
        }
        entries++;
      }
    }
    assertThat(journaled).hasSize(EVENTS);
    assertThat(entries).isGreaterThan(LOCATIONS);

    for (var expected : truth.entrySet()) {
      InventoryView live =
          records
              .inventory(expected.getKey())
              .toCompletableFuture()
              .get(20, TimeUnit.SECONDS)
              .orElseThrow();
      assertThat(live.onHand()).as("live %s", expected.getKey()).isEqualTo(expected.getValue());
    }
    // each location as a new incarnation recovers it: from its newest snapshot and the journal
    for (int l = 0; l < LOCATIONS; l++) {
      var recovered =
          testKit.spawn(
              LocationInventory.create(
                  "W" + l,
                  settings(),
                  new LocationInventory.Stores(
                      index,
                      new JournalRecordStore(testKit.system()),
                      new RecordBudget(1_000_000))));
      for (var expected : truth.entrySet()) {
        if (expected.getKey().locationId().equals("W" + l)) {
          var view = testKit.<java.util.Optional<InventoryView>>createTestProbe();
          recovered.tell(new LocationInventory.GetView(expected.getKey().sku(), view.ref()));
          assertThat(view.receiveMessage(Duration.ofSeconds(10)).orElseThrow().onHand())
              .as("recovered %s", expected.getKey())
              .isEqualTo(expected.getValue());
        }
      }
      testKit.stop(recovered);
    }
  }
}
