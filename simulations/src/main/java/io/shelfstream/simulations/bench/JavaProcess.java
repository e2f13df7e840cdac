package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the harness started (a node or a broker), with its output in a log file. Closing it sends
 * SIGTERM, so that it shuts down cleanly, and kills it when it has not exited 30 s later.
 */
final class JavaProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final Cleanup cleanup;

  private JavaProcess(String name, Process process, Path log, Cleanup cleanup) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.cleanup = cleanup;
  }

  static JavaProcess start(
      String name,
      List<String> jvmOptions,
      String classpath,
      String mainClass,
      List<String> args,
      Map<String, String> environment,
      Path log,
      Cleanup cleanup)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaBinary().toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    return cleanup.track(new JavaProcess(name, builder.start(), log, cleanup));
  }

  /** The java of the JVM running the harness: nodes run on the same JDK. */
  static Path javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** The last lines of the log, to explain a failure. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      cleanup.forget(this);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
