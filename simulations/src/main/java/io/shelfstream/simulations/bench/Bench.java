package io.shelfstream.simulations.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./shelfstream bench}: runs the benchmark suite against nodes and brokers started as
 * separate processes, and writes BENCHMARKS.md and bench-results/&lt;stamp&gt;.json. Run from the
 * repository root after {@code mvn package} (simulations/bench/run-bench.sh does both).
 */
public final class Bench {

  private static final int EXIT_BAD_OPTIONS = 2;
  private static final int EXIT_SOME_FAILED = 1;

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options =
          BenchOptions.parse(
              args,
              System.getProperty("shelfstream.bench.command", "Bench " + String.join(" ", args)));
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(EXIT_BAD_OPTIONS);
      return;
    }
    // kafka-clients logs through slf4j-simple: keep its chatter to warnings
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(run(options));
  }

  private static int run(BenchOptions options) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(root.resolve("http-api/target/classes"))) {
      System.err.println(
          "bench: run from the repository root after mvn package (./shelfstream bench)");
      return EXIT_BAD_OPTIONS;
    }
    ZonedDateTime started = ZonedDateTime.now();
    String stamp = started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path runDir = Files.createDirectories(root.resolve("bench-results").resolve(stamp));
    Cleanup cleanup = new Cleanup();
    Sizes sizes = Sizes.of(options);
    Postgres postgres = new Postgres(options.pgUrl(), options.pgUser(), stamp, cleanup);
    Binaries binaries = Binaries.snapshot(root, cleanup);
    BenchContext context =
        new BenchContext(root, runDir, stamp, options, sizes, cleanup, postgres, binaries);
    Machine machine = Machine.describe(root, postgres);
    Console.info("bench %s: %s; logs in %s", stamp, options.only(), runDir);
    List<Section> sections = new ArrayList<>();
    boolean allRan = true;
    try {
      for (Benchmark benchmark : Benchmark.suite(options, new Findings())) {
        // whatever a failed benchmark left open goes; the copied binaries stay for the next one
        int opened = cleanup.mark();
        try {
          sections.addAll(benchmark.run(context));
        } catch (Exception e) {
          allRan = false;
          Console.info("%s failed: %s", benchmark.name(), e);
          sections.add(Benchmark.failed(benchmark.name(), e));
        } finally {
          cleanup.closeSince(opened);
        }
      }
    } finally {
      cleanup.closeAll();
    }
    Report.Header header =
        new Report.Header(
            options,
            sizes,
            machine,
            binaries.built(),
            started,
            Duration.between(started, ZonedDateTime.now()),
            stamp);
    Console.info("wrote %s", Report.writeMarkdown(root, header, sections));
    Console.info("wrote %s", Report.writeJson(root, header, sections));
    return allRan ? 0 : EXIT_SOME_FAILED;
  }
}
