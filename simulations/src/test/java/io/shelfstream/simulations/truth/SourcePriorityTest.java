package io.shelfstream.simulations.truth;

import static io.shelfstream.simulations.truth.Events.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.StoreField;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcePriorityTest {

  private static final Policies POLICIES =
      new Policies(
          new SourceRanking(List.of("erp", "wms", "pos")),
          new Policy.LastWriteWins(),
          Map.of(
              StoreField.NAME,
              new Policy.SourcePriority(List.of("erp", "pos"), Duration.ofDays(7))),
          new Policy.LastWriteWins());

  private static Candidate<String> name(SimEvent... events) {
    GroundTruth truth = new GroundTruth(POLICIES);
    for (SimEvent event : events) {
      truth.accept(event);
    }
    return truth.store("S001").fields().get(StoreField.NAME);
  }

  @Test
  void theHigherRankedSourceKeepsItsValueWithinTheStalenessWindow() {
    Candidate<String> chosen =
        name(
            store("m-1", "erp", "2026-03-01T10:00:00Z", StoreField.NAME, "Lyon"),
            store("m-2", "pos", "2026-03-05T10:00:00Z", StoreField.NAME, "Lyon Mall"));

    assertThat(chosen.value()).isEqualTo("Lyon");
  }

  @Test
  void exactlyTheStalenessWindowLaterIsNotEnough() {
    Candidate<String> chosen =
        name(
            store("m-1", "erp", "2026-03-01T10:00:00Z", StoreField.NAME, "Lyon"),
            store("m-2", "pos", "2026-03-08T10:00:00Z", StoreField.NAME, "Lyon Mall"));

    assertThat(chosen.value()).isEqualTo("Lyon");
  }

  @Test
  void strictlyMoreThanTheStalenessWindowLaterWins() {
    Candidate<String> chosen =
        name(
            store("m-1", "erp", "2026-03-01T10:00:00Z", StoreField.NAME, "Lyon"),
            store("m-2", "pos", "2026-03-08T10:00:00.001Z", StoreField.NAME, "Lyon Mall"));

    assertThat(chosen.value()).isEqualTo("Lyon Mall");
    assertThat(chosen.stamp().eventId()).isEqualTo("m-2");
  }

  @Test
  void theWindowIsMeasuredBetweenInstantsWhateverTheOffsets() {
    Candidate<String> chosen =
        name(
            store("m-1", "erp", "2026-03-01T11:00:00+01:00", StoreField.NAME, "Lyon"),
            store("m-2", "pos", "2026-03-08T12:00:00+02:00", StoreField.NAME, "Lyon Mall"));

    assertThat(chosen.value()).as("both are 10:00Z, exactly W apart").isEqualTo("Lyon");
  }

  @Test
  void eachSourceContributesItsLatestValue() {
    Candidate<String> chosen =
        name(
            store("m-1", "erp", "2026-03-01T10:00:00Z", StoreField.NAME, "Lyon"),
            store("m-3", "erp", "2026-03-20T10:00:00Z", StoreField.NAME, "Lyon Centre"),
            store("m-2", "pos", "2026-03-10T10:00:00Z", StoreField.NAME, "Lyon Mall"));

    assertThat(chosen.value()).isEqualTo("Lyon Centre");
  }

  @Test
  void aLowerRankedValueAloneIsChosen() {
    assertThat(
            name(store("m-2", "pos", "2026-03-10T10:00:00Z", StoreField.NAME, "Lyon Mall")).value())
        .isEqualTo("Lyon Mall");
  }

  @Test
  void unlistedSourcesComeLastInNameOrder() {
    // walk: erp, then pos, then "alpha", then "zulu"; each must be more than 7 days newer than the
    // chosen one
    Candidate<String> chosen =
        name(
            store("m-1", "erp", "2026-03-01T10:00:00Z", StoreField.NAME, "erp"),
            store("m-2", "zulu", "2026-03-30T10:00:00Z", StoreField.NAME, "zulu"),
            store("m-3", "alpha", "2026-03-20T10:00:00Z", StoreField.NAME, "alpha"));

    assertThat(chosen.value())
        .as("alpha replaces erp; zulu is 10 days after alpha")
        .isEqualTo("zulu");
  }

  @Test
  void walkingInRankOrderCanKeepAnOlderValueThanLastWriteWinsWould() {
    Candidate<String> chosen =
        name(
            store("m-1", "erp", "2026-03-01T10:00:00Z", StoreField.NAME, "erp"),
            store("m-2", "alpha", "2026-03-05T10:00:00Z", StoreField.NAME, "alpha"),
            store("m-3", "zulu", "2026-03-08T10:00:00Z", StoreField.NAME, "zulu"));

    assertThat(chosen.value())
        .as("no value is more than 7 days newer than the one chosen before it")
        .isEqualTo("erp");
  }

  @Test
  void otherFieldsFollowLastWriteWinsAndKeepTheirOwnProvenance() {
    GroundTruth truth = new GroundTruth(POLICIES);
    truth.accept(store("m-1", "erp", "2026-03-01T10:00:00Z", StoreField.ADDRESS, "1 rue A"));
    truth.accept(store("m-2", "pos", "2026-03-02T10:00:00Z", StoreField.ADDRESS, "2 rue B"));
    truth.accept(store("m-3", "erp", "2026-03-03T10:00:00Z", StoreField.STATUS, "open"));

    ExpectedStore record = truth.store("S001");
    assertThat(record.fields().get(StoreField.ADDRESS).value()).isEqualTo("2 rue B");
    assertThat(record.fields().get(StoreField.ADDRESS).stamp().source()).isEqualTo("pos");
    assertThat(record.fields().get(StoreField.STATUS).stamp().eventId()).isEqualTo("m-3");
    assertThat(record.fields()).doesNotContainKeys(StoreField.NAME, StoreField.TIMEZONE);
  }
}
