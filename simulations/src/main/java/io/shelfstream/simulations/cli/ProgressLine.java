package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.emit.SendStats;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The text of the progress line: totals so far, the rate since the previous line and, when the
 * run's size is known, how much is done and about how long the rest takes at the pace so far.
 */
final class ProgressLine {

  private final SendStats stats;
  private final Supplier<String> phase;
  private final DoubleSupplier done;
  private final long started = System.nanoTime();
  private long previousSent;
  private long previousNanos = started;

  /**
   * @param done the share of the run done, from 0 to 1; NaN when unknown
   */
  ProgressLine(SendStats stats, Supplier<String> phase, DoubleSupplier done) {
    this.stats = stats;
    this.phase = phase;
    this.done = done;
  }

  synchronized String next() {
    long now = System.nanoTime();
    long sent = stats.sent();
    double seconds = Math.max(1e-9, (now - previousNanos) / 1e9);
    double rate = (sent - previousSent) / seconds;
    previousSent = sent;
    previousNanos = now;
    double elapsed = (now - started) / 1e9;
    return String.format(
        "[%5.0fs] %s%s | sent %,d lines, %,.0f lines/s | accepted %,d, duplicates %,d, rejected %,d",
        elapsed,
        phase.get(),
        eta(done.getAsDouble(), elapsed),
        sent,
        rate,
        stats.accepted(),
        stats.duplicates(),
        stats.rejected());
  }

  private static String eta(double done, double elapsed) {
    if (!(done > 0 && done < 1)) {
      return "";
    }
    long left = Math.round(elapsed * (1 - done) / done);
    return String.format(
        " %.0f%%, about %s left",
        done * 100, left < 60 ? left + "s" : String.format("%dm%02ds", left / 60, left % 60));
  }
}
