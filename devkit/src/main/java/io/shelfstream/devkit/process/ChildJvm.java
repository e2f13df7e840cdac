package io.shelfstream.devkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by a test or the bench (a node, a broker, a peer pipeline), with its output in a
 * log file. Closing it sends SIGTERM, so that it shuts down cleanly, and SIGKILL when it has not
 * exited 30 s later; {@link #kill9()} is the crash a test wants to survive.
 */
public final class ChildJvm implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  /** The java of the running JVM: children run on the same JDK. */
  public static Path javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  /** The last lines of the log, to explain a failure. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Throws, with the log's tail, when the process has exited. */
  public void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          this
              + " exited with "
              + process.exitValue()
              + "; its log "
              + log
              + " ends:\n"
              + logTail(30));
    }
  }

  /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer would do it. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill9();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }

  /** What to run: JVM options, class path, main class, arguments, environment, log. */
  public static final class Builder {
    private final String name;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String classpath = System.getProperty("java.class.path");
    private boolean appendLog;

    private Builder(String name) {
      this.name = name;
    }

    public Builder jvmOptions(List<String> options) {
      jvmOptions.addAll(options);
      return this;
    }

    /** The class path; by default the running JVM's, so a test starts what it was built with. */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    public Builder args(List<String> arguments) {
      args.addAll(arguments);
      return this;
    }

    public Builder env(String key, String value) {
      environment.put(key, value);
      return this;
    }

    public Builder env(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** Appends to the log rather than replacing it: a restarted node keeps one log. */
    public Builder appendLog() {
      appendLog = true;
      return this;
    }

    public ChildJvm start(String mainClass, Path log) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(javaBinary().toString());
      command.addAll(jvmOptions);
      command.add("-cp");
      command.add(classpath);
      command.add(mainClass);
      command.addAll(args);
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  appendLog
                      ? ProcessBuilder.Redirect.appendTo(log.toFile())
                      : ProcessBuilder.Redirect.to(log.toFile()));
      builder.environment().putAll(environment);
      return new ChildJvm(name, builder.start(), log);
    }
  }
}
