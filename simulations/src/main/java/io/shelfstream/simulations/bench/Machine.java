package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The machine, software and source a bench run measured, as the report's header states them. */
record Machine(
    String cpu,
    int cores,
    String memory,
    String os,
    String jdk,
    String postgres,
    String commit,
    String workingTree) {

  static Machine describe(Path root, Postgres database) throws Exception {
    return new Machine(
        firstValue(Path.of("/proc/cpuinfo"), "model name"),
        Runtime.getRuntime().availableProcessors(),
        readMemory(),
        readOs(),
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")",
        database.version(),
        git(root, "log", "-1", "--format=%H %s"),
        workingTree(root));
  }

  Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("cpu", cpu);
    map.put("cores", Integer.toString(cores));
    map.put("memory", memory);
    map.put("os", os);
    map.put("jdk", jdk);
    map.put("postgres", postgres);
    map.put("commit", commit);
    map.put("workingTree", workingTree);
    return map;
  }

  private static String readMemory() throws IOException {
    String total = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    long kib = Long.parseLong(total.replaceAll("[^0-9]", ""));
    return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
  }

  private static String readOs() throws IOException {
    String pretty = "Linux";
    Path release = Path.of("/etc/os-release");
    if (Files.exists(release)) {
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("PRETTY_NAME=")) {
          pretty = line.substring("PRETTY_NAME=".length()).replace("\"", "");
        }
      }
    }
    return pretty + ", kernel " + System.getProperty("os.version");
  }

  private static String firstValue(Path file, String key) throws IOException {
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith(key)) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  /**
   * Uncommitted changes are in the binaries the bench ran (it runs what the build left in target/),
   * so the report says how many files differ from the commit.
   */
  private static String workingTree(Path root) throws IOException, InterruptedException {
    List<String> changed =
        git(root, "status", "--porcelain", "--untracked-files=normal").lines().toList();
    return changed.isEmpty()
        ? "clean"
        : changed.size()
            + " file(s) modified or untracked: uncommitted changes may be in the binaries run";
  }

  static String git(Path root, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
      return "unknown (git " + String.join(" ", args) + ": " + output + ")";
    }
    return output;
  }
}
