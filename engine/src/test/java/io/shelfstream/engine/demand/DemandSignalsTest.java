package io.shelfstream.engine.demand;

import static io.shelfstream.engine.demand.Signals.signal;
import static io.shelfstream.engine.entity.Fate.ACCEPTED;
import static io.shelfstream.engine.entity.Fate.DUPLICATE;
import static io.shelfstream.engine.entity.Fate.FAILED;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.entity.IngestReply;
import io.shelfstream.engine.testkit.JournalDedupeIndex;
import io.shelfstream.protocols.event.ExternalDemand;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemandSignalsTest {
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(EventSourcedBehaviorTestKit.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static EventSourcedBehaviorTestKit<
          DemandSignals.Command, DemandSignals.Event, DemandState>
      kit(String productId, GoldenRecordSettings settings) {
    return EventSourcedBehaviorTestKit.create(
        testKit.system(),
        DemandSignals.create(
            productId,
            settings,
            new JournalDedupeIndex(
                testKit.system(), DemandSignals.persistenceIdOf(productId).id())));
  }

  private static IngestReply ingest(
      EventSourcedBehaviorTestKit<DemandSignals.Command, DemandSignals.Event, DemandState> kit,
      SignalRecorded... signals) {
    return kit.<IngestReply>runCommand(
            replyTo -> new DemandSignals.Ingest(List.of(signals), replyTo))
        .reply();
  }

  private static DemandSignalsView view(
      EventSourcedBehaviorTestKit<DemandSignals.Command, DemandSignals.Event, DemandState> kit) {
    return kit.<Optional<DemandSignalsView>>runCommand(DemandSignals.GetView::new)
        .reply()
        .orElseThrow();
  }

  @Test
  void keepsOneSignalPerDateTheLatestWinningWhateverTheArrival() {
    var kit = kit("P-1", TestSettings.lastWriteWins());
    var morning = signal("market", "d1", "2026-03-01T08:00:00+01:00", ExternalDemand.LOW);
    var evening = signal("market", "d2", "2026-03-01T20:00:00+01:00", ExternalDemand.HIGH);
    // the same instant as evening's: erp outranks market (unlisted) in the ranking
    var tie = signal("erp", "d0", "2026-03-01T19:00:00Z", ExternalDemand.MEDIUM);
    // 23:30 at -05:00 is the next day in UTC, but its own date is March 1st
    var late = signal("market", "d3", "2026-03-01T23:30:00-05:00", ExternalDemand.LOW);
    var nextDay = signal("market", "d4", "2026-03-02T09:00:00+01:00", ExternalDemand.MEDIUM);

    assertThat(ingest(kit, nextDay, evening, morning).fates())
        .containsExactly(ACCEPTED, ACCEPTED, ACCEPTED);
    assertThat(ingest(kit, tie).fates()).containsExactly(ACCEPTED);

    DemandSignalsView view = view(kit);
    assertThat(view.productId()).isEqualTo("P-1");
    assertThat(view.version()).isEqualTo(4);
    assertThat(view.signals())
        .extracting(DemandSignalsView.Signal::date)
        .containsExactly(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
    DemandSignalsView.Signal first = view.signals().get(0);
    assertThat(first.provenance()).isEqualTo(tie.stamp());
    assertThat(first.externalDemand()).isEqualTo("medium");
    assertThat(first.marketTrend()).isEqualByComparingTo("0.25");
    assertThat(first.weatherFactor()).isNull();

    assertThat(ingest(kit, late).fates()).containsExactly(ACCEPTED);
    assertThat(view(kit).signals().get(0).provenance()).isEqualTo(late.stamp());
  }

  @Test
  void aRedeliveredSignalIsADuplicateInTheSameBatchLaterAndAfterARestart() {
    var kit = kit("P-2", TestSettings.lastWriteWins());
    var one = signal("market", "d1", "2026-03-01T08:00:00Z", ExternalDemand.LOW);
    var two = signal("market", "d2", "2026-03-02T08:00:00Z", ExternalDemand.HIGH);

    assertThat(ingest(kit, one, two, one).fates()).containsExactly(ACCEPTED, ACCEPTED, DUPLICATE);
    assertThat(ingest(kit, two).fates()).containsExactly(DUPLICATE);

    kit.restart();
    assertThat(ingest(kit, one, two).fates()).containsExactly(DUPLICATE, DUPLICATE);
    DemandSignalsView view = view(kit);
    assertThat(view.version()).isEqualTo(2);
    assertThat(view.signals()).hasSize(2);
    assertThat(kit.persistenceTestKit().persistedInStorage("DemandSignals|P-2"))
        .containsExactly(one, two);
  }

  @Test
  void aFailedWriteIsAnsweredAtOnceAndItsResendIsAppliedExactlyOnce() {
    var kit = kit("P-3", TestSettings.lastWriteWins());
    var one = signal("market", "d1", "2026-03-01T08:00:00Z", ExternalDemand.LOW);

    kit.persistenceTestKit().failNextPersisted();
    assertThat(ingest(kit, one).fates()).containsExactly(FAILED);
    assertThat(kit.<Optional<DemandSignalsView>>runCommand(DemandSignals.GetView::new).reply())
        .as("restarted from the journal alone")
        .isEmpty();

    assertThat(ingest(kit, one).fates()).containsExactly(ACCEPTED);
    kit.restart();
    assertThat(view(kit).version()).isEqualTo(1);
  }

  @Test
  void recoversFromASnapshotAndTheSignalsAfterIt() {
    var base = TestSettings.lastWriteWins();
    var settings =
        new GoldenRecordSettings(
            base.ranking(),
            base.onHand(),
            base.storeFields(),
            base.dedupe(),
            5,
            base.snapshotBytesPerEvent(),
            base.tagSlices(),
            base.askTimeout(),
            base.maxInFlightEvents(),
            base.recordsInMemory());
    var kit = kit("P-4", settings);
    List<SignalRecorded> all = new ArrayList<>();
    for (int day = 1; day <= 12; day++) {
      String date = String.format("2026-03-%02d", day);
      var signal = signal("market", "d" + day, date + "T08:00:00Z", ExternalDemand.HIGH);
      all.add(signal);
      assertThat(ingest(kit, signal).fates()).containsExactly(ACCEPTED);
    }
    DemandSignalsView before = view(kit);
    assertThat(kit.snapshotTestKit().orElseThrow().persistedInStorage("DemandSignals|P-4"))
        .as("snapshots every 5 signals")
        .isNotEmpty();

    kit.restart();
    assertThat(view(kit)).isEqualTo(before);
    assertThat(before.signals()).hasSize(12);
    assertThat(ingest(kit, all.get(0), all.get(11)).fates()).containsExactly(DUPLICATE, DUPLICATE);
  }
}
