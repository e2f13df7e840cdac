package io.shelfstream.bench.report;

import io.shelfstream.bench.node.Postgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine, software and source a bench run measured. */
public record Machine(
    String cpu,
    int cores,
    String memory,
    String os,
    String jdk,
    String postgres,
    String commit,
    String workingTree) {

  public static Machine describe(Path root, Postgres postgres) throws Exception {
    String status = git(root, "status", "--porcelain", "--untracked-files=no");
    return new Machine(
        field(Path.of("/proc/cpuinfo"), "model name"),
        Runtime.getRuntime().availableProcessors(),
        String.format(
            "%.1f GiB memory",
            Long.parseLong(field(Path.of("/proc/meminfo"), "MemTotal").replaceAll("[^0-9]", ""))
                / (1024.0 * 1024)),
        field(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "")
            + ", kernel "
            + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        postgres.version(),
        git(root, "log", "-1", "--format=%H %s"),
        status.isBlank()
            ? "clean"
            : status.lines().count() + " files changed: " + status.lines().toList());
  }

  /** The value after the first line starting with {@code key} ("key : value" or "key=value"). */
  private static String field(Path file, String key) throws IOException {
    if (!Files.exists(file)) {
      return "unknown";
    }
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith(key)) {
        return line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).strip();
      }
    }
    return "unknown";
  }

  private static String git(Path root, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    git.waitFor(30, TimeUnit.SECONDS);
    return output.strip();
  }
}
