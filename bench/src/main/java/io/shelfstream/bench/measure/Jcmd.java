package io.shelfstream.bench.measure;

import io.shelfstream.devkit.process.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's jcmd, asked as an operator asks it. */
public final class Jcmd {
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private Jcmd() {}

  /** Runs {@code jcmd pid command...} and returns its output; throws on failure. */
  public static String run(long pid, String... command) throws IOException, InterruptedException {
    List<String> line =
        new ArrayList<>(
            List.of(ChildJvm.javaBinary().resolveSibling("jcmd").toString(), Long.toString(pid)));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", line) + " failed: " + output);
    }
    return output;
  }

  /** Heap in use after a full GC, in bytes: {@code GC.run}, then {@code GC.heap_info}. */
  public static long heapUsedAfterFullGc(long pid) throws IOException, InterruptedException {
    run(pid, "GC.run");
    String info = run(pid, "GC.heap_info");
    Matcher used = HEAP_USED.matcher(info);
    if (!used.find()) {
      throw new IOException("no 'total ..K, used ..K' in GC.heap_info:\n" + info);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  /** Live instances of a class, from {@code GC.class_histogram} (which collects first). */
  public static long liveInstances(long pid, String className)
      throws IOException, InterruptedException {
    for (String line : run(pid, "GC.class_histogram").lines().toList()) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 4 && columns[3].equals(className)) {
        return Long.parseLong(columns[1]);
      }
    }
    return 0;
  }
}
