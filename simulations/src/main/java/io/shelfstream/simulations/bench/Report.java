package io.shelfstream.simulations.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes BENCHMARKS.md at the repository root and the raw results as JSON in bench-results/. */
final class Report {

  private Report() {}

  record Header(
      BenchOptions options,
      Sizes sizes,
      Machine machine,
      Instant binariesBuilt,
      ZonedDateTime started,
      Duration took,
      String stamp) {}

  /** Sections in the order of the brief's numbering, whatever order they ran in. */
  private static final List<String> ORDER =
      List.of(
          "http",
          "copy",
          "http,copy",
          "kafka",
          "memory-heap",
          "memory-stream",
          "memory",
          "h2",
          "profile");

  static List<Section> ordered(List<Section> sections) {
    return sections.stream()
        .sorted(
            java.util.Comparator.comparingInt(
                section ->
                    ORDER.indexOf(section.id()) < 0 ? ORDER.size() : ORDER.indexOf(section.id())))
        .toList();
  }

  static Path writeMarkdown(Path root, Header header, List<Section> ranSections)
      throws IOException {
    List<Section> sections = ordered(ranSections);
    StringBuilder text = new StringBuilder("# Shelfstream benchmarks\n\n");
    text.append(
        "Written by `./shelfstream bench` (`simulations/bench/run-bench.sh`, harness"
            + " `io.shelfstream.simulations.bench.Bench`). Every figure here was measured by the"
            + " run described in this table; run the command again to refresh them. Raw values:"
            + " `bench-results/"
            + header.stamp()
            + ".json` (not committed).\n\n");
    Machine machine = header.machine();
    Table about = new Table("", "");
    about.row("command", "`" + header.options().command() + "`");
    about.row(
        "date",
        header
                .started()
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            + ", the whole run took "
            + minutes(header.took()));
    about.row("commit", machine.commit());
    about.row("working tree", machine.workingTree());
    about.row(
        "binaries",
        "`http-api` and `sources` target/ (newest file built "
            + header.binariesBuilt().truncatedTo(ChronoUnit.SECONDS)
            + "), copied when the run started: every node and broker of the run ran that one build");
    about.row("CPU", machine.cpu() + ", " + machine.cores() + " cores");
    about.row("memory", machine.memory());
    about.row("OS", machine.os());
    about.row("JDK", machine.jdk());
    about.row("PostgreSQL", machine.postgres());
    about.row(
        "method",
        header.options().runs()
            + " measured runs per benchmark; figures are medians, with every run listed. Each run"
            + " starts its own node (and database schema or H2 directory), as a separate process"
            + " launched as users launch it, and warms it up before measuring: "
            + Sizes.of(header.options()).warmUp().toSeconds()
            + " s of load on entities of its own, and on while its JIT compilers are still busy"
            + " (at most "
            + Sizes.of(header.options()).warmUpMore().toSeconds()
            + " s more), not counted.");
    text.append(about.markdown()).append('\n');
    text.append(
        "This machine is shared and noisy (2 cores, other people's builds and brokers): compare"
            + " medians and ratios measured side by side in one run, not absolute figures across"
            + " runs. Each run's table shows where the CPU went, from /proc: the node, PostgreSQL"
            + " (every postgres process on the machine), the harness (in an HTTP run its senders:"
            + " the window runs from the first line sent to the last acknowledgement, after the"
            + " lines were generated and before ground truth is fed) and all other processes.\n\n");
    Table summary = new Table("benchmark", "result (median; every run in brackets)");
    for (Section section : sections) {
      for (String[] line : section.summary()) {
        summary.row(line[0], line[1]);
      }
    }
    text.append("## Summary\n\n").append(summary.markdown()).append('\n');
    for (Section section : sections) {
      text.append(section.markdown());
    }
    Path file = root.resolve("BENCHMARKS.md");
    Files.writeString(file, text.toString());
    return file;
  }

  static Path writeJson(Path root, Header header, List<Section> sections) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("command", header.options().command());
    json.put("started", header.started().toString());
    json.put("tookSeconds", header.took().toSeconds());
    json.put("machine", header.machine().asMap());
    json.put("options", header.options());
    json.put("sizes", header.sizes().toString());
    Map<String, Object> results = new LinkedHashMap<>();
    for (Section section : sections) {
      results.put(section.id(), section.raw());
    }
    json.put("results", results);
    Path file = root.resolve("bench-results").resolve(header.stamp() + ".json");
    Files.createDirectories(file.getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .writeValue(file.toFile(), json);
    return file;
  }

  private static String minutes(Duration took) {
    return String.format("%d min %02d s", took.toMinutes(), took.toSecondsPart());
  }
}
