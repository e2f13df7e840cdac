package io.shelfstream.bench.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.bench.http.CopyBaseline;
import io.shelfstream.bench.measure.Jcmd;
import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.Integrations;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Batch files → golden record: one sales CSV through a {@code directory} integration, beside COPY
 * of the rows it journaled, and the same file through an {@code sftp} one from a local server; with
 * {@code --full}, a 1 GiB file through each with the node's heap capped at 256 MB.
 */
public final class FilesScenario implements Scenario {
  static final long ROWS = 1_000_000;
  static final long WARM_UP_ROWS = 50_000;
  static final long BAD_EVERY = 10_000;
  static final long SEED = 25;
  static final String FILE = "DAILY_SALES_20260301.csv";
  static final String LOCATION = "files-store-1";
  static final String DIRECTORY = "directory";
  static final String SFTP = "sftp";

  /** Excluded from the COPY baseline's rows, as the HTTP warm-up's sites are. */
  static final String WARM_UP_LOCATION = "warmup-files";

  private static final String MEASURED = "bench-files";
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final Duration BIG_TIMEOUT = Duration.ofMinutes(45);

  /** One file through one source: its rate and whether every row came out as it should. */
  record Run(
      String source,
      long rows,
      long badRows,
      long megabytes,
      long accepted,
      long duplicates,
      long rejected,
      long deadLetters,
      double seconds,
      double eventsPerSecond,
      boolean countsExact,
      Map<String, Double> cpuCores,
      long peakRssMiB,
      long heapAfterGcMiB) {}

  @Override
  public String name() {
    return "files";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return Duration.ofSeconds(200).plus(sizes.full() ? Duration.ofMinutes(30) : Duration.ZERO);
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    Path work = Files.createTempDirectory("shelfstream-bench-files-");
    try {
      SalesCsv.Written warmUp =
          SalesCsv.write(work.resolve("DAILY_SALES_WARMUP.csv"), WARM_UP_ROWS, 0, SEED + 1);
      SalesCsv.Written sales = SalesCsv.write(work.resolve(FILE), ROWS, BAD_EVERY, SEED);
      ScenarioContext.say(
          "files: %,d rows (%,d MB) written to %s", sales.rows(), sales.bytes() / 1_000_000, work);
      Measured directory = one(context, work, DIRECTORY, sales, warmUp, List.of(), true);
      Run sftp = one(context, work, SFTP, sales, warmUp, List.of(), false).run();
      List<Run> big = new ArrayList<>();
      if (context.sizes().full()) {
        Files.delete(sales.file());
        SalesCsv.Written huge =
            SalesCsv.write(work.resolve(FILE), SalesCsv.rowsForBytes(Sizes.GIB), BAD_EVERY, SEED);
        for (String source : List.of(DIRECTORY, SFTP)) {
          big.add(one(context, work, source, huge, warmUp, List.of("-Xmx256m"), false).run());
        }
      }
      return result(context, sales, directory.run(), sftp, directory.copy(), big);
    } finally {
      Node.delete(work);
    }
  }

  private ScenarioResult result(
      ScenarioContext context,
      SalesCsv.Written sales,
      Run directory,
      Run sftp,
      CopyBaseline.Result copy,
      List<Run> big) {
    double directoryOverCopy = directory.eventsPerSecond() / copy.eventsPerSecond();
    double sftpOverDirectory = sftp.eventsPerSecond() / directory.eventsPerSecond();
    long mismatches =
        Stream.concat(List.of(directory, sftp).stream(), big.stream())
            .filter(run -> !run.countsExact())
            .count();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("rows", String.format("%,d", sales.rows()));
    parameters.put("megabytes", sales.bytes() / 1_000_000);
    parameters.put("products", SalesCsv.PRODUCTS);
    parameters.put("badRows", sales.badRows());
    parameters.put("warmUpRows", String.format("%,d", WARM_UP_ROWS));
    parameters.put("copyLoads", context.sizes().copyLoads());
    ScenarioResult result =
        ScenarioResult.of(name(), "Batch files → golden record", parameters)
            .summary(
                "directory → golden record (" + String.format("%,d", sales.rows()) + "-row CSV)",
                Stats.format("%,.0f", directory.eventsPerSecond()) + " events/s")
            .summary(
                "COPY of the same rows (files)",
                Stats.format("%,.0f", copy.eventsPerSecond()) + " events/s")
            .summary("directory ÷ COPY (goal ≥ 0.5)", Stats.format("%.2f", directoryOverCopy))
            .summary(
                "sftp → golden record (same file, local server)",
                Stats.format("%,.0f", sftp.eventsPerSecond()) + " events/s")
            .summary("sftp ÷ directory (goal ≥ 0.8)", Stats.format("%.2f", sftpOverDirectory))
            .summary(
                "file rows accepted / dead letters as generated",
                mismatches == 0 ? "exact (0 mismatches)" : mismatches + " runs NOT exact")
            .runs("Runs", List.of(directory, sftp))
            .runs("COPY of the directory run's rows", List.of(Copy.of(copy)))
            .figure("directoryEventsPerSecond", directory.eventsPerSecond())
            .figure("copyEventsPerSecond", copy.eventsPerSecond())
            .figure("directoryOverCopy", directoryOverCopy)
            .figure("sftpEventsPerSecond", sftp.eventsPerSecond())
            .figure("sftpOverDirectory", sftpOverDirectory)
            .figure("mismatches", mismatches);
    for (Run run : big) {
      result
          .summary(
              String.format("%s, %,d MB CSV, -Xmx256m", run.source(), run.megabytes()),
              String.format(
                  "%s events/s, peak RSS %,d MiB, heap after GC %,d MiB%s",
                  Stats.format("%,.0f", run.eventsPerSecond()),
                  run.peakRssMiB(),
                  run.heapAfterGcMiB(),
                  run.countsExact() ? "" : ", counts NOT exact"))
          .figure(run.source() + "BigEventsPerSecond", run.eventsPerSecond())
          .figure(run.source() + "BigPeakRssMiB", run.peakRssMiB());
    }
    if (!big.isEmpty()) {
      result.runs("1 GiB file, node heap capped at 256 MB", big);
    }
    return result;
  }

  /** The COPY baseline's figures that apply here (no loads into the stock DDL). */
  record Copy(
      long journalRows,
      long tagRows,
      long megabytes,
      List<Double> loadSeconds,
      double eventsPerSecond,
      double directoryOverCopy,
      double postgresMicrosPerEventDirectory,
      double postgresMicrosPerEventCopy) {
    static Copy of(CopyBaseline.Result copy) {
      return new Copy(
          copy.journalRows(),
          copy.tagRows(),
          copy.megabytes(),
          copy.loadSeconds(),
          copy.eventsPerSecond(),
          copy.engineOverCopy(),
          copy.postgresMicrosPerEventEngine(),
          copy.postgresMicrosPerEventCopy());
    }
  }

  /** A run, and the COPY baseline of its rows when asked for (measured while its schema exists). */
  private record Measured(Run run, CopyBaseline.Result copy) {}

  /**
   * A fresh node on a fresh schema: the warm-up file through an integration of its own (deleted
   * after), then {@code file} laid out with its marker before the measured integration exists, and
   * timed from its PUT until the status says the file is done.
   */
  private Measured one(
      ScenarioContext context,
      Path work,
      String source,
      SalesCsv.Written file,
      SalesCsv.Written warmUp,
      List<String> jvmOptions,
      boolean copy)
      throws Exception {
    String label = source + (jvmOptions.isEmpty() ? "" : "-256m");
    Path root = Files.createDirectories(work.resolve(label));
    try (Postgres.Schema schema = context.postgres().freshSchema();
        Node node = Node.start(context, "files-" + label, schema, jvmOptions);
        LocalSftpServer server =
            source.equals(SFTP)
                ? LocalSftpServer.start(
                    root, Files.createDirectories(work.resolve(label + "-keys")))
                : null) {
      lay(root.resolve("warm"), warmUp.file());
      Integrations.create(
          node.uri(), "bench-warmup", body(source, root, server, "warm", WARM_UP_LOCATION));
      FileIntegrations.awaitDone(
          node.uri(),
          "bench-warmup",
          warmUp.file().getFileName().toString(),
          warmUp.rows(),
          TIMEOUT);
      Integrations.delete(node.uri(), "bench-warmup");

      lay(root.resolve("in"), file.file());
      context.postgres().checkpoint();
      ProcessCpu meter = ProcessCpu.start(Map.of("node", node.pid()));
      long started = System.nanoTime();
      Integrations.create(node.uri(), MEASURED, body(source, root, server, "in", LOCATION));
      FileProgress done =
          FileIntegrations.awaitDone(
              node.uri(),
              MEASURED,
              file.file().getFileName().toString(),
              file.rows(),
              jvmOptions.isEmpty() ? TIMEOUT : BIG_TIMEOUT);
      double seconds = (System.nanoTime() - started) / 1e9;
      ProcessCpu.Use cpu = meter.stop();
      long peakRss = ProcessCpu.peakResidentBytes(node.pid()) >> 20;
      long heap = Jcmd.heapUsedAfterFullGc(node.pid()) >> 20;
      long deadLetters =
          FileIntegrations.deadLetters(node.uri(), MEASURED, file.file().getFileName().toString());
      boolean exact =
          done.accepted() == file.goodRows()
              && done.rejected() == file.badRows()
              && done.duplicates() == 0
              && done.failed() == 0
              && deadLetters == file.badRows();
      ScenarioContext.say(
          "files %s: %,d accepted, %,d rejected, %,d dead letters in %.1f s: %,.0f events/s%s",
          label,
          done.accepted(),
          done.rejected(),
          deadLetters,
          seconds,
          done.accepted() / seconds,
          exact ? "" : " (NOT the rows generated)");
      CopyBaseline.Result baseline =
          copy
              ? CopyBaseline.measure(
                  context,
                  schema,
                  done.accepted(),
                  seconds,
                  cpu.cpuSeconds().getOrDefault(ProcessCpu.POSTGRES, 0.0),
                  false)
              : null;
      Run run =
          new Run(
              label,
              file.rows(),
              file.badRows(),
              file.bytes() / 1_000_000,
              done.accepted(),
              done.duplicates(),
              done.rejected(),
              deadLetters,
              seconds,
              done.accepted() / seconds,
              exact,
              cpu.busyCores(),
              peakRss,
              heap);
      return new Measured(run, baseline);
    }
  }

  private static ObjectNode body(
      String source, Path root, LocalSftpServer server, String dir, String location) {
    return source.equals(SFTP)
        ? FileIntegrations.sftp(server, dir, location)
        : FileIntegrations.directory(root.resolve(dir), location);
  }

  /** The file in {@code folder} (a hard link: no copy) and its done-marker beside it. */
  private static void lay(Path folder, Path file) throws IOException {
    Files.createDirectories(folder);
    Path target = folder.resolve(file.getFileName());
    try {
      Files.createLink(target, file);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(file, target);
    }
    Files.createFile(folder.resolve(file.getFileName() + FileIntegrations.DONE_MARKER));
  }
}
