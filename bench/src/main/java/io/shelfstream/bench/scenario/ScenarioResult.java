package io.shelfstream.bench.scenario;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario measured, as written to the JSON file and rendered into BENCHMARKS.md.
 *
 * @param method how it was measured, one paragraph of Markdown
 * @param summary its rows of the summary table
 * @param runs its raw runs, as tables
 * @param figures its headline figures by name, for the JSON and for later scenarios' ratios
 */
public record ScenarioResult(
    String name,
    String title,
    String method,
    List<Row> summary,
    List<Table> runs,
    Map<String, Double> figures) {

  public record Row(String figure, String value) {}

  public record Table(String caption, List<String> columns, List<List<String>> rows) {
    public static Table of(String caption, String... columns) {
      return new Table(caption, List.of(columns), new ArrayList<>());
    }

    public Table row(Object... cells) {
      rows.add(java.util.Arrays.stream(cells).map(String::valueOf).toList());
      return this;
    }
  }

  public static ScenarioResult of(String name, String title, String method) {
    return new ScenarioResult(
        name, title, method, new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>());
  }

  public ScenarioResult summary(String figure, String value) {
    summary.add(new Row(figure, value));
    return this;
  }

  public ScenarioResult table(Table table) {
    runs.add(table);
    return this;
  }

  public ScenarioResult figure(String key, double value) {
    figures.put(key, value);
    return this;
  }

  /** A scenario that failed still reports, saying why, so that the report is never silent. */
  public static ScenarioResult failed(Scenario scenario, Exception error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    String firstLine = String.valueOf(error.getMessage()).lines().findFirst().orElse("");
    return of(scenario.name(), scenario.name() + ": FAILED", "It failed, so it has no figures.")
        .summary(scenario.name(), "FAILED: " + firstLine)
        .table(
            Table.of("the error", "stack trace")
                .row(String.join(" <br> ", trace.toString().lines().limit(12).toList())));
  }
}
