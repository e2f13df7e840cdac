package io.shelfstream.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordBudgetTest {

  @Test
  void withinTheBudgetABigLocationKeepsEveryRecordItUses() {
    var budget = new RecordBudget(10_000);
    for (int i = 0; i < 10; i++) {
      budget.started();
    }
    budget.holding(9_000);
    // a share is 1,000, but the node is within its budget
    assertThat(budget.keep(8_000)).isEqualTo(8_000);
  }

  @Test
  void pastTheBudgetLocationsAboveTheirShareGiveBackTheExcess() {
    var budget = new RecordBudget(10_000);
    for (int i = 0; i < 10; i++) {
      budget.started();
    }
    budget.holding(10_300);
    assertThat(budget.keep(8_000)).as("gives back the 300 over").isEqualTo(7_700);
    assertThat(budget.keep(1_100)).as("never below its share").isEqualTo(1_000);
    assertThat(budget.keep(600)).as("below its share: keeps all").isEqualTo(600);
  }

  @Test
  void aLocationKeepsAtLeastTheMinimumWhateverTheNumberOfLocations() {
    var budget = new RecordBudget(1_000);
    for (int i = 0; i < 50; i++) {
      budget.started();
    }
    budget.holding(5_000);
    assertThat(budget.share()).isEqualTo(RecordBudget.MIN_PER_LOCATION);
    assertThat(budget.keep(400)).isEqualTo(RecordBudget.MIN_PER_LOCATION);
  }

  @Test
  void recordsReleasedByAStoppedLocationLeaveTheCount() {
    var budget = new RecordBudget(1_000);
    budget.started();
    budget.holding(700);
    budget.holding(-700);
    budget.stopped();
    assertThat(budget.held()).isZero();
  }
}
