package io.shelfstream.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellsTest {
  @Test
  void countsGetSeparatorsAndOtherNumbersTheDecimalsTheyNeed() {
    assertThat(Cells.format(4_256_893L)).isEqualTo("4,256,893");
    assertThat(Cells.format(70_868.4)).isEqualTo("70,868");
    assertThat(Cells.format(60.12)).isEqualTo("60.1");
    assertThat(Cells.format(0.6251)).isEqualTo("0.63");
    assertThat(Cells.format(false)).isEqualTo("**no**");
    assertThat(Cells.format(List.of(33.33, 29.96))).isEqualTo("33.3, 30.0");
    assertThat(Cells.format(Map.of("node", 1.02))).isEqualTo("node 1.02");
  }

  @Test
  void recordComponentsBecomeHeadings() {
    assertThat(Cells.heading("eventsPerSecond")).isEqualTo("events per second");
    assertThat(Cells.heading("ackP99Ms")).isEqualTo("ack p99 ms");
    assertThat(Cells.heading("vmHwmMiB")).isEqualTo("vm hwm MiB");
    assertThat(Cells.heading("streamedGiB")).isEqualTo("streamed GiB");
  }

  @Test
  void aTemplateIsFilledFromItsParametersAndNamesAMissingOne() {
    assertThat(Cells.fill("{runs} runs of {seconds} s\n", Map.of("runs", 3, "seconds", 60.0)))
        .isEqualTo("3 runs of 60.0 s");
    assertThatThrownBy(() -> Cells.fill("{runs} runs", Map.of())).hasMessageContaining("{runs}");
  }
}
