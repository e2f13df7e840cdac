package io.shelfstream.engine.inventory;

import static io.shelfstream.engine.inventory.InventoryStateTest.count;
import static io.shelfstream.engine.inventory.InventoryStateTest.move;
import static io.shelfstream.engine.record.IngestStatus.ACCEPTED;
import static io.shelfstream.engine.record.IngestStatus.DUPLICATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.inventory.SkuInventory.Command;
import io.shelfstream.engine.inventory.SkuInventory.Event;
import io.shelfstream.engine.record.GoldenRecordSettings;
import io.shelfstream.engine.record.IngestReply;
import io.shelfstream.protocols.event.MovementKind;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SkuInventoryTest {
  private static ActorTestKit testKit;
  private static final GoldenRecordSettings SETTINGS = TestSettings.lastWriteWins();
  private EventSourcedBehaviorTestKit<Command, Event, InventoryState> kit;

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
            testKit.system(), SkuInventory.create("S001|SKU-1", SETTINGS));
    kit.clear();
  }

  private IngestReply ingest(Event... events) {
    return kit.<IngestReply>runCommand(replyTo -> new SkuInventory.Ingest(List.of(events), replyTo))
        .reply();
  }

  private InventoryView view() {
    return kit.<Optional<InventoryView>>runCommand(SkuInventory.GetView::new).reply().orElseThrow();
  }

  @Test
  void journalsNewEventsAndRepliesOneStatusPerEvent() {
    var result =
        kit.<IngestReply>runCommand(
            replyTo ->
                new SkuInventory.Ingest(
                    List.of(
                        count("erp", "c1", "2026-03-01T08:00:00+01:00", 10),
                        move(MovementKind.SALE, "s1", "2026-03-01T09:00:00+01:00", 3)),
                    replyTo));
    assertThat(result.reply().statuses()).containsExactly(ACCEPTED, ACCEPTED);
    assertThat(result.events()).hasSize(2);
    assertThat(view().onHand()).isEqualTo(7);
    assertThat(view().locationId()).isEqualTo("S001");
    assertThat(view().sku()).isEqualTo("SKU-1");
  }

  @Test
  void aRedeliveryIsADuplicateWithinABatchAndAcrossBatches() {
    var sale = move(MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 3);
    assertThat(ingest(sale, sale).statuses()).containsExactly(ACCEPTED, DUPLICATE);

    var again =
        kit.<IngestReply>runCommand(replyTo -> new SkuInventory.Ingest(List.of(sale), replyTo));
    assertThat(again.reply().statuses()).containsExactly(DUPLICATE);
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(view().onHand()).isEqualTo(-3);
  }

  @Test
  void theRecordAndItsDedupeSurviveARestart() {
    var sale = move(MovementKind.SALE, "s1", "2026-03-01T09:00:00Z", 3);
    ingest(count("pos", "c1", "2026-03-01T08:00:00Z", 10), sale);

    var restarted = kit.restart();
    assertThat(
            restarted
                .state()
                .view(new io.shelfstream.protocols.event.InventoryKey("S001", "SKU-1"), SETTINGS)
                .onHand())
        .isEqualTo(7);
    assertThat(ingest(sale).statuses()).containsExactly(DUPLICATE);
    assertThat(view().onHand()).isEqualTo(7);
    assertThat(view().version()).isEqualTo(2);
  }

  @Test
  void neverSeenMeansNoRecord() {
    assertThat(kit.<Optional<InventoryView>>runCommand(SkuInventory.GetView::new).reply())
        .isEmpty();
  }

  @Test
  void snapshotsEveryNEventsAndRecoversFromThem() {
    var everyThree = TestSettings.with(SETTINGS.onHand(), SETTINGS.dedupe());
    everyThree =
        new GoldenRecordSettings(
            everyThree.ranking(),
            everyThree.onHand(),
            everyThree.storeFields(),
            everyThree.dedupe(),
            3,
            4);
    var snapshotting =
        EventSourcedBehaviorTestKit.<Command, Event, InventoryState>create(
            testKit.system(), SkuInventory.create("S002|SKU-9", everyThree));
    snapshotting.clear();
    for (int i = 0; i < 7; i++) {
      int n = i;
      snapshotting.<IngestReply>runCommand(
          replyTo ->
              new SkuInventory.Ingest(
                  List.of(move(MovementKind.RECEIPT, "r" + n, "2026-03-01T09:0" + n + ":00Z", 1)),
                  replyTo));
    }
    var snapshots = snapshotting.snapshotTestKit().orElseThrow();
    assertThat(snapshots.persistedInStorage("SkuInventory|S002|SKU-9")).hasSize(2);
    assertThat(snapshotting.persistenceTestKit().persistedInStorage("SkuInventory|S002|SKU-9"))
        .as("events are kept after a snapshot: the journal is the audit trail")
        .hasSize(7);
    assertThat(snapshotting.restart().state().version()).isEqualTo(7);
  }
}
