package io.shelfstream.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void oneRunIsItsOwnMedianAndSeveralAreListedAfterTheirs() {
    assertThat(Stats.describe(List.of(70_868.0), "%,.0f")).isEqualTo("70,868");
    assertThat(Stats.describe(List.of(70_868.0, 69_553.0, 77_306.0), "%,.0f"))
        .isEqualTo("70,868 (runs: 70,868 / 69,553 / 77,306)");
    assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(Stats.median(List.of())).isNaN();
  }
}
