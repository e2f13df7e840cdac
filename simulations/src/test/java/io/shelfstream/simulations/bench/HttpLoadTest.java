package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpLoadTest {

  @Test
  void aRunPreparesWhatItCanSendAndNoMoreThanTheHarnessHeapHolds() {
    var fixed = HttpLoad.SATURATION.atRate(5_000);
    assertThat(HttpLoad.preparedLines(fixed, Duration.ofSeconds(30))).isBetween(150_000L, 160_000L);
    assertThat(HttpLoad.preparedLines(HttpLoad.SATURATION, Duration.ofSeconds(60)))
        .isGreaterThan(60L * 30_000);
    assertThat(HttpLoad.preparedLines(HttpLoad.SATURATION, Duration.ofHours(1)))
        .isEqualTo(4_800_000L);
  }
}
