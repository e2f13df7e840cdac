package io.shelfstream.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.ingest.Outcome;
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
            outcome(1, Fate.ACCEPTED),
            outcome(2, Fate.DUPLICATE),
            outcome(3, Fate.REJECTED),
            outcome(4, Fate.FAILED),
            outcome(5, Fate.ACCEPTED));
    var counters = new IntegrationCounters(CLOCK);
    counters.countAll(batch);
    counters.countAll(batch.subList(0, 1));

    assertThat(counters.snapshot())
        .isEqualTo(new IntegrationCounters.Snapshot(6, 3, 1, 1, CLOCK.instant()));
  }

  @Test
  void aBatchOfFailuresIsReadButIsNoSuccess() {
    var counters = new IntegrationCounters(CLOCK);
    counters.countAll(List.of(outcome(1, Fate.FAILED), outcome(2, Fate.FAILED)));
    assertThat(counters.snapshot()).isEqualTo(new IntegrationCounters.Snapshot(2, 0, 0, 0, null));
  }

  private static Outcome<Long> outcome(long position, Fate status) {
    return new Outcome<>(position, "e" + position, status, status == Fate.FAILED ? "down" : null);
  }
}
