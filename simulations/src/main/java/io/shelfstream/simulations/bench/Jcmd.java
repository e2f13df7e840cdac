package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asking a node's JVM about its heap with the JDK's jcmd, as an operator would. */
final class Jcmd {

  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

  private Jcmd() {}

  static String run(long pid, String... command) throws IOException, InterruptedException {
    List<String> line = new java.util.ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(pid));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(120, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      jcmd.destroyForcibly();
      throw new IOException("jcmd " + pid + " " + String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  /** Heap in use after a full GC, in bytes ({@code GC.run}, then {@code GC.heap_info}). */
  static long heapUsedAfterFullGc(long pid) throws IOException, InterruptedException {
    run(pid, "GC.run");
    String info = run(pid, "GC.heap_info");
    Matcher used = HEAP_USED.matcher(info);
    if (!used.find()) {
      throw new IOException("no heap total/used in GC.heap_info:\n" + info);
    }
    return Long.parseLong(used.group(2)) * 1024;
  }

  /** Live instances of a class ({@code GC.class_histogram}, which collects first). */
  static long liveInstances(long pid, String className) throws IOException, InterruptedException {
    for (String line : run(pid, "GC.class_histogram").lines().toList()) {
      String[] columns = line.trim().split("\\s+");
      if (columns.length >= 4 && columns[3].equals(className)) {
        return Long.parseLong(columns[1]);
      }
    }
    return 0;
  }
}
