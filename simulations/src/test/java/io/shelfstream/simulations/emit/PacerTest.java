package io.shelfstream.simulations.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacerTest {

  @Test
  void holdsTheTargetRate() {
    Pacer pacer = Pacer.of(20_000, false);
    long started = System.nanoTime();
    for (int i = 0; i < 4_000; i++) {
      pacer.acquire();
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    // 4000 lines at 20000/s take 0.2 s, less the bucket's 50 ms of initial credit
    assertThat(seconds).isGreaterThan(0.14);
  }

  @Test
  void withoutARateItDoesNotWait() {
    Pacer pacer = Pacer.of(0, false);
    long started = System.nanoTime();
    for (int i = 0; i < 1_000_000; i++) {
      pacer.acquire();
    }
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(1.0);
  }

  @Test
  void aNegativeRateIsRefused() {
    assertThatThrownBy(() -> Pacer.of(-1, false)).hasMessageContaining("rate");
  }
}
