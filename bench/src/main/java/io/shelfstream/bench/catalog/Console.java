package io.shelfstream.bench.catalog;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** The bench's lines on stdout, each stamped with the time. */
final class Console {
  private Console() {}

  static void line(String format, Object... args) {
    System.out.println(
        LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args));
    System.out.flush();
  }
}
