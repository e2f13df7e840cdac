package io.shelfstream.simulations.truth;

import static io.shelfstream.simulations.truth.Events.KEY;
import static io.shelfstream.simulations.truth.Events.adjustment;
import static io.shelfstream.simulations.truth.Events.count;
import static io.shelfstream.simulations.truth.Events.receipt;
import static io.shelfstream.simulations.truth.Events.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.event.SimEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockRulesTest {

  private static ExpectedStock truthOf(Policies policies, SimEvent... events) {
    GroundTruth truth = new GroundTruth(policies);
    for (SimEvent event : events) {
      truth.accept(event);
    }
    return truth.inventory(KEY);
  }

  private static ExpectedStock truthOf(SimEvent... events) {
    return truthOf(Policies.defaults(), events);
  }

  @Test
  void withoutACountTheBaselineIsZeroAtTheBeginningOfTime() {
    ExpectedStock record =
        truthOf(
            receipt("rc-1", "pos", "2026-03-01T08:00:00+01:00", 5),
            sale("s-1", "2026-03-01T09:00:00+01:00", 2));

    assertThat(record.onHand()).isEqualTo(3);
    assertThat(record.count()).isNull();
    assertThat(record.movementsApplied()).isEqualTo(2);
    assertThat(record.lastMovement().eventId()).isEqualTo("s-1");
  }

  @Test
  void stockMayGoNegative() {
    ExpectedStock record = truthOf(sale("s-1", "2026-03-01T09:00:00+01:00", 4));

    assertThat(record.onHand()).isEqualTo(-4);
    assertThat(record.negative()).isTrue();
  }

  @Test
  void aCountReplacesEverythingAtOrBeforeIt() {
    ExpectedStock record =
        truthOf(
            sale("s-1", "2026-03-01T07:59:59+01:00", 1),
            count("c-1", "pos", "2026-03-01T08:00:00+01:00", 10),
            receipt("rc-1", "pos", "2026-03-01T08:00:00+01:00", 24),
            sale("s-2", "2026-03-01T08:00:01+01:00", 3));

    assertThat(record.onHand())
        .as("the receipt at exactly the count's instant is already in the count")
        .isEqualTo(7);
    assertThat(record.movementsApplied()).isEqualTo(1);
    assertThat(record.count())
        .isEqualTo(
            new ChosenCount(Stamp.of(count("c-1", "pos", "2026-03-01T08:00:00+01:00", 10)), 10));
    assertThat(record.lastMovement().eventId()).isEqualTo("s-2");
  }

  @Test
  void theSameInstantWrittenInAnotherOffsetIsTheSameInstant() {
    ExpectedStock record =
        truthOf(
            count("c-1", "pos", "2026-03-01T08:00:00+01:00", 10),
            receipt("rc-1", "pos", "2026-03-01T07:00:00Z", 24),
            adjustment("a-1", "2026-03-01T09:00:01+02:00", -2));

    assertThat(record.onHand()).isEqualTo(8);
    assertThat(record.movementsApplied()).isEqualTo(1);
  }

  @Test
  void atTheSameInstantTheHigherRankedSourceWinsWhateverTheOffset() {
    ExpectedStock record =
        truthOf(
            count("c-9", "pos", "2026-03-01T08:00:00+01:00", 10),
            count("c-1", "erp", "2026-03-01T07:00:00Z", 12));

    assertThat(record.count().stamp().source()).isEqualTo("erp");
    assertThat(record.onHand()).isEqualTo(12);
  }

  @Test
  void unlistedSourcesRankBelowEveryListedOne() {
    ExpectedStock record =
        truthOf(
            count("z-9", "legacy", "2026-03-01T08:00:00+01:00", 99),
            count("c-1", "pos", "2026-03-01T08:00:00+01:00", 10));

    assertThat(record.onHand()).isEqualTo(10);
  }

  @Test
  void betweenUnlistedSourcesTheGreaterEventIdThenTheGreaterSourceWins() {
    ExpectedStock byId =
        truthOf(
            count("c-2", "alpha", "2026-03-01T08:00:00Z", 1),
            count("c-10", "beta", "2026-03-01T08:00:00Z", 2));
    ExpectedStock bySource =
        truthOf(
            count("c-1", "alpha", "2026-03-01T08:00:00Z", 1),
            count("c-1", "beta", "2026-03-01T08:00:00Z", 2));

    assertThat(byId.onHand()).as("\"c-2\" > \"c-10\" as strings").isEqualTo(1);
    assertThat(bySource.onHand()).isEqualTo(2);
  }

  @Test
  void eventIdsCompareByUtf16CodeUnitsNotByCodePoints() {
    // U+FF21 > U+D83D (first unit of U+1F600), although U+1F600 is the greater code point
    ExpectedStock record =
        truthOf(
            count("x-\uD83D\uDE00", "pos", "2026-03-01T08:00:00Z", 1),
            count("x-\uFF21", "pos", "2026-03-01T08:00:00Z", 2));

    assertThat(record.onHand()).isEqualTo(2);
  }

  @Test
  void anOlderCountArrivingLateChangesNothing() {
    ExpectedStock record =
        truthOf(
            count("c-2", "pos", "2026-03-02T08:00:00Z", 10),
            sale("s-1", "2026-03-02T09:00:00Z", 1),
            count("c-1", "pos", "2026-03-01T08:00:00Z", 50),
            sale("s-0", "2026-03-01T09:00:00Z", 1));

    assertThat(record.onHand()).isEqualTo(9);
    assertThat(record.movementsApplied()).isEqualTo(1);
  }

  @Test
  void redeliveredMovementsCountOnce() {
    SimEvent sale = sale("s-1", "2026-03-01T09:00:00Z", 2);
    ExpectedStock record =
        truthOf(count("c-1", "pos", "2026-03-01T08:00:00Z", 10), sale, sale, sale);

    assertThat(record.onHand()).isEqualTo(8);
    assertThat(record.movementsApplied()).isEqualTo(1);
  }

  @Test
  void theLastMovementIsTheGreatestByTheTotalOrder() {
    ExpectedStock record =
        truthOf(
            receipt("rc-1", "wms", "2026-03-01T09:00:00Z", 1),
            receipt("rc-2", "erp", "2026-03-01T09:00:00Z", 1),
            receipt("rc-3", "pos", "2026-03-01T09:00:00Z", 1));

    assertThat(record.lastMovement().eventId()).isEqualTo("rc-2");
  }

  @Test
  void underSourcePriorityAMovementBetweenTwoCandidateBaselinesAppliesOnlyAfterTheChosenOne() {
    Policies policies =
        new Policies(
            new SourceRanking(List.of("erp", "wms", "pos")),
            new Policy.SourcePriority(List.of("erp", "pos"), Duration.ofHours(24)),
            Map.of(),
            new Policy.LastWriteWins());

    ExpectedStock record =
        truthOf(
            policies,
            count("c-erp", "erp", "2026-03-01T08:00:00Z", 10),
            sale("s-1", "2026-03-01T12:00:00Z", 1),
            count("c-pos", "pos", "2026-03-01T20:00:00Z", 3),
            sale("s-2", "2026-03-01T21:00:00Z", 1));

    assertThat(record.count().stamp().eventId())
        .as("pos is within 24 h of erp: erp keeps priority")
        .isEqualTo("c-erp");
    assertThat(record.onHand()).isEqualTo(8);
  }

  @Test
  void underSourcePriorityMovementsBeforeTheNewestCountButAfterTheChosenOneStillApply() {
    Policies policies =
        new Policies(
            new SourceRanking(List.of("erp", "pos")),
            new Policy.SourcePriority(List.of("erp", "pos"), Duration.ofHours(24)),
            Map.of(),
            new Policy.LastWriteWins());
    GroundTruth truth = new GroundTruth(policies);
    // the newer pos count arrives first: the horizon must still keep s-1, which the older erp
    // baseline needs
    truth.accept(count("c-pos", "pos", "2026-03-01T20:00:00Z", 3));
    truth.accept(sale("s-1", "2026-03-01T12:00:00Z", 1));
    truth.accept(count("c-erp", "erp", "2026-03-01T08:00:00Z", 10));

    assertThat(truth.inventory(KEY).onHand()).isEqualTo(9);
  }
}
