package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory from /proc/&lt;pid&gt;/status: VmRSS now, VmHWM its peak so far. */
record ProcStatus(long rssBytes, long peakRssBytes) {

  static ProcStatus of(long pid) throws IOException {
    long rss = 0;
    long peak = 0;
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = kib(line);
      } else if (line.startsWith("VmHWM:")) {
        peak = kib(line);
      }
    }
    return new ProcStatus(rss, peak);
  }

  private static long kib(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
  }

  static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
  }
}
