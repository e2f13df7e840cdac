package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CopyLimitTest {

  @Test
  void theMedianLoadCountsNotTheFastestNorTheSlowest() {
    var result =
        new CopyLimit.Result(
            120_000,
            240_000,
            8_000,
            50_000_000,
            List.of(1.5, 1.0, 2.0),
            List.of(0.9, 0.8, 1.0),
            List.of(0.3, 0.2, 0.4));

    assertThat(result.seconds()).isEqualTo(1.5);
    assertThat(result.eventsPerSecond()).isEqualTo(80_000.0);
    assertThat(result.loadSeconds()).as("in the order loaded").containsExactly(1.5, 1.0, 2.0);
  }

  @Test
  void cpuPerEventIsTheMedianLoadsCoreSecondsOverTheRowsOfOneLoad() {
    var result =
        new CopyLimit.Result(
            100_000,
            100_000,
            5_000,
            30_000_000,
            List.of(1.0, 2.0, 1.6),
            List.of(0.6, 1.0, 0.8),
            List.of(0.2, 0.1, 0.3));

    assertThat(result.postgresMicrosPerEvent()).isCloseTo(8.0, within(1e-9));
    assertThat(result.clientMicrosPerEvent()).isCloseTo(2.0, within(1e-9));
    // cores busy per load: 0.6, 0.5, 0.5
    assertThat(result.postgresCores()).isCloseTo(0.5, within(1e-9));
  }
}
