package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.emit.SendStats;
import java.util.function.Supplier;

/** The text of the progress line: totals so far and the rate since the previous line. */
final class ProgressLine {

  private final SendStats stats;
  private final Supplier<String> phase;
  private final long started = System.nanoTime();
  private long previousSent;
  private long previousNanos = started;

  ProgressLine(SendStats stats, Supplier<String> phase) {
    this.stats = stats;
    this.phase = phase;
  }

  synchronized String next() {
    long now = System.nanoTime();
    long sent = stats.sent();
    double seconds = Math.max(1e-9, (now - previousNanos) / 1e9);
    double rate = (sent - previousSent) / seconds;
    previousSent = sent;
    previousNanos = now;
    return String.format(
        "[%5.0fs] %s | sent %,d lines, %,.0f lines/s | accepted %,d, duplicates %,d, rejected %,d",
        (now - started) / 1e9,
        phase.get(),
        sent,
        rate,
        stats.accepted(),
        stats.duplicates(),
        stats.rejected());
  }
}
