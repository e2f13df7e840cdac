package io.shelfstream.bench.catalog;

import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.devkit.process.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's live heap after a full collection ({@code jcmd GC.run}, {@code GC.heap_info}) and its
 * RSS.
 */
final class HeapProbe {
  private static final Pattern USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

  record Reading(long heapUsedBytes, long heapCommittedBytes, long residentBytes) {}

  private HeapProbe() {}

  static Reading read(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher used = USED.matcher(info);
    if (!used.find()) {
      throw new IOException("no heap figures in jcmd GC.heap_info's answer:\n" + info);
    }
    return new Reading(
        Long.parseLong(used.group(2)) * 1024,
        Long.parseLong(used.group(1)) * 1024,
        ProcessCpu.residentBytes(pid));
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    String jcmd = ChildJvm.javaBinary().resolveSibling("jcmd").toString();
    Process process =
        new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(
          "jcmd " + pid + " " + command + " failed: " + new String(output, StandardCharsets.UTF_8));
    }
    return new String(output, StandardCharsets.UTF_8);
  }
}
