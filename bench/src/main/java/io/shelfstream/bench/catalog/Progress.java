package io.shelfstream.bench.catalog;

/** A progress line every few seconds while something long runs: done, rate and time left. */
final class Progress {
  private static final long EVERY_NANOS = 5_000_000_000L;

  private final String what;
  private final long total;
  private final long started = System.nanoTime();
  private long nextLine = started + EVERY_NANOS;

  Progress(String what, long total) {
    this.what = what;
    this.total = total;
  }

  /** Prints a line when one is due. */
  void update(long done) {
    long now = System.nanoTime();
    if (now < nextLine) {
      return;
    }
    nextLine = now + EVERY_NANOS;
    double seconds = (now - started) / 1e9;
    double rate = done / Math.max(seconds, 1e-9);
    String eta = rate > 0 ? String.format("%.0f s", (total - done) / rate) : "?";
    Console.line(
        "  %s: %,d of %,d (%.0f%%), %,.0f/s, %.0f s so far, about %s left",
        what, done, total, 100.0 * done / total, rate, seconds, eta);
  }
}
