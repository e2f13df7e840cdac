package io.shelfstream.bench.report;

import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.ScenarioResult.Table;
import java.util.List;

/**
 * BENCHMARKS.md from a {@link Report}: a header of what ran where, one summary table, the method of
 * each scenario, and its raw runs as tables. Everything it says comes from the report.
 */
public final class MarkdownRenderer {
  private MarkdownRenderer() {}

  public static String render(Report report) {
    Report.Header header = report.header();
    Machine machine = header.machine();
    StringBuilder md = new StringBuilder();
    md.append("# Shelfstream benchmarks\n\n")
        .append("Written by `./shelfstream bench` (module `bench/`, see bench/README.md) from `")
        .append(header.results())
        .append(
            "` (not committed). Every figure here was measured by the run this header"
                + " describes; run the command again to refresh them. An earlier measurement made by"
                + " hand, the cost of exact dedupe (issue 22), is kept in"
                + " [docs/history/benchmarks.md](docs/history/benchmarks.md).\n\n");
    table(
        md,
        List.of("", ""),
        List.of(
            List.of("command", "`" + header.command() + "`"),
            List.of(
                "date",
                header.started()
                    + String.format(
                        ", the whole run took %d min %d s",
                        (long) header.wallSeconds() / 60, (long) header.wallSeconds() % 60)),
            List.of("commit", machine.commit()),
            List.of("working tree", machine.workingTree()),
            List.of("CPU", machine.cpu() + ", " + machine.cores() + " cores"),
            List.of("memory", machine.memory()),
            List.of("OS", machine.os()),
            List.of("JDK", machine.jdk()),
            List.of("PostgreSQL", machine.postgres()),
            List.of(
                "runs",
                header.runsPerScenario() == 1
                    ? "one measured run per scenario (`--full`: three, and medians)"
                    : header.runsPerScenario()
                        + " measured runs per scenario: figures are medians,"
                        + " every run in brackets")));
    md.append(
        "\nThis machine is shared and noisy (other people's builds and brokers): compare"
            + " ratios measured side by side in one run, not absolute figures across runs. The raw"
            + " tables show where the CPU went in each run, from /proc: the node, PostgreSQL (every"
            + " postgres process on the machine), the bench JVM (the load generator) and all other"
            + " processes.\n\n## Summary\n\n");
    table(
        md,
        List.of("figure", "result"),
        report.scenarios().stream()
            .flatMap(scenario -> scenario.summary().stream())
            .map(row -> List.of(row.figure(), row.value()))
            .toList());
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
      for (Table raw : scenario.runs()) {
        md.append("\n").append(raw.caption()).append(":\n\n");
        table(md, raw.columns(), raw.rows());
      }
    }
    return md.toString();
  }

  private static void table(StringBuilder md, List<String> columns, List<List<String>> rows) {
    row(md, columns);
    row(md, columns.stream().map(column -> "---").toList());
    rows.forEach(cells -> row(md, cells));
  }

  private static void row(StringBuilder md, List<String> cells) {
    md.append('|');
    for (String cell : cells) {
      md.append(' ').append(cell.replace("|", "\\|").replace('\n', ' ')).append(" |");
    }
    md.append('\n');
  }
}
