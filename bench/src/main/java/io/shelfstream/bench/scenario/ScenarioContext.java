package io.shelfstream.bench.scenario;

import io.shelfstream.bench.node.Postgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What every scenario gets: the repository (whose modules' target/ directories it runs), this run's
 * directory for logs and recordings, the sizes, the PostgreSQL to run against, and the figures of
 * the scenarios that ran before it.
 */
public record ScenarioContext(
    Path root, Path runDir, Sizes sizes, Postgres postgres, Map<String, Double> figures) {

  /**
   * A figure of an earlier scenario of this run, e.g. {@code figure("http", "eventsPerSecond")}.
   */
  public OptionalDouble figure(String scenario, String key) {
    Double value = figures.get(scenario + "." + key);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** A module's classes and runtime dependencies, as {@code mvn package} left them. */
  public String classpath(String module) {
    Path target = root.resolve(module).resolve("target");
    return target.resolve("classes") + ":" + target.resolve("lib") + "/*";
  }

  public Path log(String name) {
    return runDir.resolve("logs").resolve(name + ".log");
  }

  /** A line of progress on stderr. */
  public static void say(String format, Object... args) {
    System.err.printf("bench: " + format + "%n", args);
  }

  /** Says {@code line} every 10 s until closed: how far a long load is, its rate, its ETA. */
  public static Ticker every10Seconds(Supplier<String> line) {
    var ticker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "bench-progress");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(() -> say("  %s", line.get()), 10, 10, TimeUnit.SECONDS);
    return ticker::shutdownNow;
  }

  /** A progress line's ticker: closing it stops it, and throws nothing. */
  public interface Ticker extends AutoCloseable {
    @Override
    void close();
  }
}
