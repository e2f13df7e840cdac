package io.shelfstream.bench.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 24's scenario as a standard bench: a large skewed catalog drained by Shelfstream over Kafka
 * and over HTTP and by the peer pipeline (Kafka Connect + Debezium JDBC sink), side by side in one
 * run; or, with {@code --memory}, a 2 GB node's heap and RSS against records, and its recovery.
 */
@Command(
    name = "high-cardinality",
    mixinStandardHelpOptions = true,
    description =
        "Drain rate and CPU per event of Shelfstream and the peer pipeline on a large catalog.")
public final class HighCardinalityBench implements Callable<Integer> {
  private static final Set<String> TARGETS =
      Set.of(ShelfstreamKafkaTarget.NAME, ShelfstreamHttpTarget.NAME, PeerTarget.NAME);

  @Option(
      names = "--locations",
      defaultValue = "200",
      description = "locations (default ${DEFAULT-VALUE})")
  int locations;

  @Option(
      names = "--skus",
      defaultValue = "50000",
      description = "SKUs per location (default ${DEFAULT-VALUE})")
  int skus;

  @Option(
      names = "--events",
      defaultValue = "1000000",
      description = "POS events (default ${DEFAULT-VALUE})")
  int events;

  @Option(
      names = "--seed",
      defaultValue = "24",
      description = "seed of the events (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--sku-skew",
      defaultValue = "0.6",
      description = "Zipf exponent of SKU popularity (default ${DEFAULT-VALUE})")
  double skuSkew;

  @Option(
      names = "--location-skew",
      defaultValue = "0.3",
      description = "Zipf exponent of location traffic (default ${DEFAULT-VALUE})")
  double locationSkew;

  @Option(
      names = "--only",
      split = ",",
      defaultValue = "shelfstream-kafka,shelfstream-http,peer",
      description = "targets, in order (default ${DEFAULT-VALUE})")
  List<String> only;

  @Option(
      names = "--out",
      defaultValue = "bench-results",
      description = "where results go (default ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = "--root",
      defaultValue = ".",
      description = "the built source tree (default: the current directory)")
  Path root;

  @Option(
      names = "--pg-url",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/test",
      description = "PostgreSQL (default ${DEFAULT-VALUE})")
  String pgUrl;

  @Option(
      names = "--pg-user",
      defaultValue = "postgres",
      description = "PostgreSQL user (default ${DEFAULT-VALUE})")
  String pgUser;

  @Option(
      names = "--sample",
      defaultValue = "200",
      description = "golden records checked per target (default ${DEFAULT-VALUE})")
  int sample;

  @Option(
      names = "--rounds",
      defaultValue = "1",
      description =
          "rounds of all targets; ratios are medians over rounds (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(
      names = "--memory",
      description = "instead: a 2 GB node's heap and RSS at 1M, 5M, 10M records, then its recovery")
  boolean memory;

  @Option(
      names = "--marks",
      split = ",",
      defaultValue = "1000000,5000000,10000000",
      description = "record counts the memory run reports at (default ${DEFAULT-VALUE})")
  List<Integer> marks;

  public static void main(String[] args) {
    // the Kafka producer's INFO lines would bury the progress lines
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(new CommandLine(new HighCardinalityBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Set<String> targets = new LinkedHashSet<>(only);
    for (String target : targets) {
      if (!TARGETS.contains(target)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--only: unknown target " + target + "; use " + TARGETS);
      }
    }
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path runDir = Files.createTempDirectory("shelfstream-high-cardinality-");
    Console.line("logs and data of this run: %s", runDir);
    BuiltTree tree = new BuiltTree(root.toAbsolutePath().normalize());
    BenchDatabase database = new BenchDatabase(pgUrl, pgUser, stamp.replace("-", "_"));
    String machine = Machine.describe();
    if (memory) {
      return MemoryRun.run(
          tree,
          runDir,
          database,
          new CatalogShape(locations, skus, marks.get(marks.size() - 1), 0, 0, seed),
          marks,
          out,
          stamp,
          machine);
    }
    CatalogShape shape = new CatalogShape(locations, skus, events, skuSkew, locationSkew, seed);
    long started = System.nanoTime();
    CatalogWorkload workload = CatalogWorkload.skewed(shape);
    long distinct = workload.distinctRecords();
    Console.line(
        "workload: %,d events over %,d × %,d, %,d distinct records, drawn in %.1f s",
        workload.size(), locations, skus, distinct, (System.nanoTime() - started) / 1e9);
    RunContext context =
        new RunContext(
            tree,
            runDir,
            database,
            workload,
            distinct,
            RecordSample.draw(workload, sample, seed + 1),
            1);
    List<TargetResult> results = new ArrayList<>();
    List<String> order = new ArrayList<>(targets);
    for (int round = 1; round <= rounds; round++) {
      RunContext inRound = context.inRound(round);
      for (String target : order) {
        Console.line("== round %d of %d: %s ==", round, rounds, target);
        results.add(
            switch (target) {
              case ShelfstreamKafkaTarget.NAME -> ShelfstreamKafkaTarget.run(inRound);
              case ShelfstreamHttpTarget.NAME -> ShelfstreamHttpTarget.run(inRound);
              default -> PeerTarget.run(inRound);
            });
      }
      // no target always first (on a fresh machine) or last (after the others' leftovers)
      Collections.rotate(order, 1);
    }
    String markdown = CatalogReport.markdown(shape, distinct, machine, results);
    Path json = out.resolve("high-cardinality-" + stamp + ".json");
    CatalogReport.writeJson(json, CatalogReport.data(shape, distinct, machine, results));
    Files.writeString(out.resolve("high-cardinality-" + stamp + ".md"), markdown);
    System.out.println();
    System.out.println(markdown);
    Console.line("written: %s and its .md", json);
    boolean allMatch = results.stream().allMatch(result -> result.mismatches() == 0);
    return allMatch ? 0 : 1;
  }
}
