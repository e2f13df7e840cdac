package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSummaryTest {

  @TempDir Path directory;

  /** Work the profile must find: a method of ours burning CPU. */
  private static long spin(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    long sum = 0;
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < 10_000; i++) {
        sum += Long.rotateLeft(sum ^ i, 7);
      }
    }
    return sum;
  }

  @Test
  void countsSamplesOfARealRecordingByMethodAndPackageGroup() throws Exception {
    Path file = directory.resolve("spin.jfr");
    Instant from;
    Instant to;
    try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
      recording.start();
      from = Instant.now();
      spin(Duration.ofMillis(1500));
      to = Instant.now();
      recording.stop();
      recording.dump(file);
    }

    JfrSummary summary = JfrSummary.of(file, from, to);

    assertThat(summary.samples()).isPositive();
    assertThat(summary.topSelf())
        .extracting(JfrSummary.Count::name)
        .contains(JfrSummaryTest.class.getName() + ".spin");
    assertThat(summary.groupSelf()).containsKey("shelfstream (our code)");
    assertThat(summary.topTotal()).extracting(JfrSummary.Count::name).noneMatch(Plumbing::is);
    assertThat(summary.windowSeconds()).isBetween(1.0, 10.0);
  }
}
