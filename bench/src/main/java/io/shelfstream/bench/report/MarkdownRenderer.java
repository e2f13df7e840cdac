package io.shelfstream.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.bench.scenario.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BENCHMARKS.md from a {@link Report}: a header saying what ran where, one summary table, each
 * scenario's method, and its raw runs as tables (one row per record, one column per component).
 */
public final class MarkdownRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MarkdownRenderer() {}

  public static String render(Report report) {
    Report.Header header = report.header();
    Machine machine = header.machine();
    StringBuilder md = new StringBuilder("# Shelfstream benchmarks\n\n");
    md.append(
            Cells.fill(
                """
            Written by `{command}` (module `bench/`: [bench/README.md](bench/README.md)) from \
            `{results}` (not committed): run it again to refresh every figure. An earlier \
            measurement made by hand, the cost of exact dedupe (issue 22), is in \
            [docs/history/benchmarks.md](docs/history/benchmarks.md).""",
                Map.of("command", header.command(), "results", header.results())))
        .append("\n\n");
    long wall = (long) header.wallSeconds();
    List<List<?>> about =
        List.of(
            List.of("date", header.started() + ", the whole run took " + wall / 60 + " min"),
            List.of("commit", machine.commit()),
            List.of("working tree", machine.workingTree()),
            List.of(
                "machine", machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory()),
            List.of("OS", machine.os()),
            List.of("JDK", machine.jdk()),
            List.of("PostgreSQL", machine.postgres()),
            List.of("measured runs per scenario", header.runsPerScenario()));
    table(md, List.of("", ""), about);
    md.append(
        """

        This machine is shared and noisy: compare ratios measured side by side in one run, not \
        absolute figures across runs. With several runs a figure is their median, every run in \
        brackets. *cpu cores* in the raw runs: where the CPU went, from /proc: the node, every \
        postgres process, the bench JVM (the load generator) and all other processes.

        ## Summary

        """);
    List<List<?>> summary = new ArrayList<>();
    report
        .scenarios()
        .forEach(s -> s.summary().forEach(r -> summary.add(List.of(r.figure(), r.value()))));
    table(md, List.of("figure", "result"), summary);
    md.append("\n## Method\n");
    for (ScenarioResult scenario : report.scenarios()) {
      md.append("\n### ")
          .append(scenario.title())
          .append("\n\n")
          .append(scenario.method())
          .append('\n');
    }
    md.append("\n## Raw runs\n");
    for (ScenarioResult scenario : report.scenarios()) {
      md.append("\n### ").append(scenario.title()).append('\n');
      scenario
          .runs()
          .forEach(
              (caption, rows) -> records(md.append('\n').append(caption).append(":\n\n"), rows));
    }
    return md.toString();
  }

  /** Records as a table: one column per component, in their order. */
  private static void records(StringBuilder md, List<Object> records) {
    List<Map<String, Object>> rows = records.stream().map(MarkdownRenderer::fields).toList();
    List<String> columns = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
    table(
        md,
        columns.stream().map(Cells::heading).toList(),
        rows.stream().map(row -> columns.stream().map(row::get).toList()).toList());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(Object record) {
    return JSON.convertValue(record, Map.class);
  }

  private static void table(StringBuilder md, List<String> columns, List<? extends List<?>> rows) {
    row(md, columns);
    row(md, columns.stream().map(column -> "---").toList());
    rows.forEach(cells -> row(md, cells));
  }

  private static void row(StringBuilder md, List<?> cells) {
    md.append('|');
    for (Object cell : cells) {
      md.append(' ').append(Cells.format(cell).replace("|", "\\|").replace('\n', ' ')).append(" |");
    }
    md.append('\n');
  }
}
