package io.shelfstream.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.simulations.emit.SendStats;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  private final SendStats stats = new SendStats();

  @Test
  void showsTheShareDoneAndTheTimeLeftWhenTheRunsSizeIsKnown() {
    stats.sent(false, false);
    stats.acknowledged(1, 0, 0);

    String line = new ProgressLine(stats, () -> "sending", () -> 0.25).next();

    assertThat(line)
        .contains("sending 25%, about ")
        .containsPattern("about \\d+s left")
        .contains("sent 1 lines")
        .contains("accepted 1");
  }

  @Test
  void showsNoEstimateWhenTheSizeIsUnknownOrEverythingWasSent() {
    assertThat(new ProgressLine(stats, () -> "sending", () -> Double.NaN).next())
        .startsWith("[")
        .contains("] sending | sent 0 lines")
        .doesNotContain("left");
    assertThat(new ProgressLine(stats, () -> "checking", () -> 1.0).next())
        .contains("] checking | sent")
        .doesNotContain("left");
  }
}
