package io.shelfstream.engine.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.inventory.LocationInventory;
import io.shelfstream.engine.testkit.HeldJournal;
import io.shelfstream.engine.testkit.SingleNodeCluster;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.StockCount;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The node-wide bound on events in flight, as a batch meets it: a slow entity holds back its own
 * events' permits and acknowledgements, not those of the other entities in its batch, and not the
 * batches after it while permits are left.
 */
class GoldenRecordsPermitsTest {
  private static final int MAX_IN_FLIGHT = 4;
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T00:00:00Z");

  private static ActorSystem<Void> system;
  private static GoldenRecords records;

  @BeforeAll
  static void start() {
    system =
        ActorSystem.create(
            Behaviors.empty(),
            "permits",
            HeldJournal.config()
                .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
                .withFallback(SingleNodeCluster.config()));
    SingleNodeCluster.joinSelf(system);
    records =
        GoldenRecords.start(
            system,
            TestSettings.withMaxInFlight(TestSettings.lastWriteWins(), MAX_IN_FLIGHT),
            // every event here is new and within the dedupe window, every record in memory
            keys ->
                java.util.concurrent.CompletableFuture.failedFuture(
                    new AssertionError("no index lookup expected")),
            (persistenceId, records) ->
                java.util.concurrent.CompletableFuture.failedFuture(
                    new AssertionError("no record load expected")));
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  @Test
  void aSlowEntityHoldsOnlyItsOwnEventsPermits() throws Exception {
    String slow = LocationInventory.persistenceIdOf("SLOW").id();
    HeldJournal.hold(slow);
    try {
      CompletableFuture<List<EventAck>> first =
          ingest(counts("SLOW", "first-slow", 2), counts("FAST-1", "first-fast", 2));
      CompletableFuture<List<EventAck>> second = ingest(counts("FAST-2", "second", 2));

      // the first batch's fast entity has answered and given its two permits to the second batch
      assertThat(second.get(10, TimeUnit.SECONDS)).containsOnly(EventAck.ACCEPTED).hasSize(2);
      assertThat(first).isNotDone();

      // three events do not fit in the two permits the slow entity leaves
      CompletableFuture<List<EventAck>> third = ingest(counts("FAST-3", "third", 3));
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(() -> !third.isDone());
      assertThat(HeldJournal.written(slow)).isZero();

      HeldJournal.release(slow);
      assertThat(first.get(10, TimeUnit.SECONDS)).containsOnly(EventAck.ACCEPTED).hasSize(4);
      assertThat(third.get(10, TimeUnit.SECONDS)).containsOnly(EventAck.ACCEPTED).hasSize(3);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  records
                      .inventory(new InventoryKey("SLOW", "SKU-1"))
                      .toCompletableFuture()
                      .get()
                      .isPresent());
      assertThat(HeldJournal.written(slow)).as("its two events, in one entry").isEqualTo(1);
    } finally {
      HeldJournal.release(slow);
    }
  }

  @SafeVarargs
  private static CompletableFuture<List<EventAck>> ingest(List<StockCount>... parts) {
    List<StockCount> batch = new ArrayList<>();
    for (List<StockCount> part : parts) {
      batch.addAll(part);
    }
    return records.ingest(batch).toCompletableFuture();
  }

  /** {@code n} counts of different SKUs at one location, each with an id of its own. */
  private static List<StockCount> counts(String locationId, String idPrefix, int n) {
    List<StockCount> counts = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      counts.add(
          new StockCount(
              idPrefix + "-" + i, "pos", T0, new InventoryKey(locationId, "SKU-" + i), 10 + i));
    }
    return counts;
  }
}
