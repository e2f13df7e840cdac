package io.shelfstream.bench.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line saying what the figures were measured on. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).strip())
              .findFirst()
              .orElse(cpu);
    } catch (IOException e) {
      // not Linux: say so below
    }
    return String.format(
        "%d cores (%s), Java %s",
        Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"));
  }
}
