package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CopyLimitTest {

  @Test
  void theMedianLoadCountsNotTheFastestNorTheSlowest() {
    var result = new CopyLimit.Result(120_000, 240_000, 50_000_000, List.of(1.5, 1.0, 2.0));

    assertThat(result.seconds()).isEqualTo(1.5);
    assertThat(result.eventsPerSecond()).isEqualTo(80_000.0);
    assertThat(result.loadSeconds()).as("in the order loaded").containsExactly(1.5, 1.0, 2.0);
  }
}
