package io.shelfstream.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.ingest.Outcome;
import io.shelfstream.engine.ingest.Outcome.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrationCountersTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void eachRecordCountsByItsOutcome() {
    List<Outcome<Long>> batch =
        List.of(
            outcome(1, Status.ACCEPTED),
            outcome(2, Status.DUPLICATE),
            outcome(3, Status.REJECTED),
            outcome(4, Status.FAILED),
            outcome(5, Status.ACCEPTED));
    var counters = new IntegrationCounters(CLOCK);
    counters.countAll(batch);
    counters.countAll(batch.subList(0, 1));

    assertThat(counters.snapshot())
        .isEqualTo(new IntegrationCounters.Snapshot(6, 3, 1, 1, CLOCK.instant()));
  }

  @Test
  void aBatchOfFailuresIsReadButIsNoSuccess() {
    var counters = new IntegrationCounters(CLOCK);
    counters.countAll(List.of(outcome(1, Status.FAILED), outcome(2, Status.FAILED)));
    assertThat(counters.snapshot()).isEqualTo(new IntegrationCounters.Snapshot(2, 0, 0, 0, null));
  }

  private static Outcome<Long> outcome(long position, Status status) {
    return new Outcome<>(position, "e" + position, status, status == Status.FAILED ? "down" : null);
  }
}
