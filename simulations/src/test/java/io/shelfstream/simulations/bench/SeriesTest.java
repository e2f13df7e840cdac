package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class SeriesTest {

  private static Series of(double... values) {
    return Series.of(DoubleStream.of(values).boxed().toList());
  }

  @Test
  void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
    assertThat(of(3, 1, 2).median()).isEqualTo(2);
    assertThat(of(4, 1, 3, 2).median()).isEqualTo(2.5);
    assertThat(of(7).median()).isEqualTo(7);
    assertThat(of().median()).isNaN();
  }

  @Test
  void describingListsEveryRunInTheOrderItRan() {
    assertThat(of(1200, 900, 1500).describe("%,.0f"))
        .isEqualTo("1,200 (runs: 1,200 / 900 / 1,500)");
    assertThat(of().describe("%.1f")).isEqualTo("n/a");
  }
}
