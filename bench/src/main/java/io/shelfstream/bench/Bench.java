package io.shelfstream.bench;

import io.shelfstream.bench.catalog.HighCardinalityScenario;
import io.shelfstream.bench.files.FilesScenario;
import io.shelfstream.bench.http.H2Scenario;
import io.shelfstream.bench.http.HttpScenario;
import io.shelfstream.bench.kafka.KafkaScenario;
import io.shelfstream.bench.memory.MemoryScenario;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.profile.ProfileScenario;
import io.shelfstream.bench.report.Machine;
import io.shelfstream.bench.report.MarkdownRenderer;
import io.shelfstream.bench.report.Report;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import io.shelfstream.bench.snapshots.SnapshotScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./shelfstream bench}: runs the scenarios against nodes and brokers started as separate
 * processes, writes bench-results/&lt;stamp&gt;.json, and renders BENCHMARKS.md from it.
 */
@Command(
    name = "./shelfstream bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the benchmarks (about 21 min; --full over an hour), writes"
          + " bench-results/<stamp>.json and renders BENCHMARKS.md from it.",
      "JVM options for every node it starts, to try a setting: SHELFSTREAM_BENCH_NODE_OPTS."
    })
public final class Bench implements Callable<Integer> {
  /** Every scenario, in the order they run: a new one is one more line here. */
  static final List<Scenario> SCENARIOS =
      List.of(
          new HttpScenario(),
          new H2Scenario(),
          new KafkaScenario(),
          new FilesScenario(),
          new ProfileScenario(),
          new SnapshotScenario(),
          new MemoryScenario(),
          new HighCardinalityScenario());

  @Option(names = "--full", description = "3 runs per scenario, longer runs, a 10 GiB POST")
  boolean full;

  @Option(names = "--only", split = ",", paramLabel = "NAME", description = "only these scenarios")
  List<String> only = SCENARIOS.stream().map(Scenario::name).toList();

  @Option(names = "--seconds", description = "length of each measured HTTP run, to try the bench")
  Integer seconds;

  @Option(names = "--warm-up", description = "seconds each node is warmed up, to try the bench")
  Integer warmUp;

  @Option(names = "--catalog-events", description = "events of high-cardinality, to try the bench")
  Integer catalogEvents;

  @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/test")
  String pgUrl;

  @Option(names = "--pg-user", defaultValue = "postgres", description = "trust authentication")
  String pgUser;

  @Option(names = "--render", paramLabel = "JSON", description = "only render BENCHMARKS.md again")
  Path render;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    if (render != null) {
      return writeMarkdown(root, Report.read(render));
    }
    List<Scenario> chosen = SCENARIOS.stream().filter(s -> only.contains(s.name())).toList();
    if (chosen.size() != only.size() || !Files.isDirectory(root.resolve("http-api/target/lib"))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "run from the repository root after a build (./shelfstream bench builds first), with"
              + " --only among "
              + SCENARIOS.stream().map(Scenario::name).toList());
    }
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
    Path runDir = Files.createDirectories(root.resolve("bench-results").resolve(stamp));
    Sizes sizes = Sizes.of(full, seconds, warmUp, catalogEvents);
    Postgres postgres = new Postgres(pgUrl, pgUser, stamp);
    Machine machine = Machine.describe(root, postgres);
    // Ctrl-C: no node or broker outlives the bench
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
    Map<String, Double> figures = new HashMap<>();
    var context = new ScenarioContext(root, runDir, sizes, postgres, figures);
    List<ScenarioResult> results = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      Scenario scenario = chosen.get(i);
      Duration left =
          chosen.subList(i, chosen.size()).stream()
              .map(s -> s.estimate(sizes))
              .reduce(Duration.ZERO, Duration::plus);
      ScenarioContext.say(
          "[%d/%d] %s: %s elapsed, about %d min left (logs in %s)",
          i + 1,
          chosen.size(),
          scenario.name(),
          minutes(Duration.between(started, Instant.now())),
          left.toMinutes() + 1,
          root.relativize(runDir));
      ScenarioResult result;
      try {
        result = scenario.run(context);
      } catch (Exception e) {
        ScenarioContext.say("%s FAILED: %s", scenario.name(), e);
        result = ScenarioResult.failed(scenario, e);
      }
      results.add(result);
      result.figures().forEach((key, value) -> figures.put(scenario.name() + "." + key, value));
    }
    Duration wall = Duration.between(started, Instant.now());
    Path json = root.resolve("bench-results").resolve(stamp + ".json");
    String command = System.getProperty("shelfstream.bench.command", "./shelfstream bench");
    var header =
        new Report.Header(
            command,
            started.toString(),
            wall.toSeconds(),
            root.relativize(json).toString(),
            sizes.runs(),
            machine);
    new Report(header, results).write(json);
    ScenarioContext.say("wrote %s after %s", root.relativize(json), minutes(wall));
    writeMarkdown(root, Report.read(json));
    return results.stream().anyMatch(r -> r.title().endsWith("FAILED")) ? 1 : 0;
  }

  private static int writeMarkdown(Path root, Report report) throws Exception {
    Files.writeString(root.resolve("BENCHMARKS.md"), MarkdownRenderer.render(report));
    ScenarioContext.say("wrote BENCHMARKS.md");
    return 0;
  }

  private static String minutes(Duration duration) {
    return String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
  }
}
