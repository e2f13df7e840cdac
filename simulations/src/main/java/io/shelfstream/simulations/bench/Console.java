package io.shelfstream.simulations.bench;

import java.time.Duration;

/** Progress on stderr, each line stamped with the time since the harness started. */
final class Console {

  private static final long STARTED = System.nanoTime();

  private Console() {}

  static void info(String format, Object... args) {
    long seconds = Duration.ofNanos(System.nanoTime() - STARTED).toSeconds();
    System.err.printf("[%02d:%02d] %s%n", seconds / 60, seconds % 60, String.format(format, args));
  }
}
