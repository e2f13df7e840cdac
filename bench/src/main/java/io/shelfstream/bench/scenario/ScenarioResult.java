package io.shelfstream.bench.scenario;

import io.shelfstream.bench.report.Cells;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario measured, as written to the JSON file and rendered into BENCHMARKS.md.
 *
 * @param method how it was measured: its template, {@code methods/<name>.md} among the bench's
 *     resources, with each {@code {key}} filled from the parameters given to {@link #of}
 * @param summary its rows of the summary table
 * @param runs its raw runs by caption: records, each a row and each component a column
 * @param figures its headline figures by name, for the JSON and for later scenarios' ratios
 */
public record ScenarioResult(
    String name,
    String title,
    String method,
    List<Row> summary,
    Map<String, List<Object>> runs,
    Map<String, Double> figures) {

  public record Row(String figure, String value) {}

  public static ScenarioResult of(String name, String title, Map<String, ?> parameters) {
    String method = Cells.fillResource("methods/" + name + ".md", parameters);
    return new ScenarioResult(
        name, title, method, new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  public ScenarioResult summary(String figure, String value) {
    summary.add(new Row(figure, value));
    return this;
  }

  public ScenarioResult runs(String caption, List<?> rows) {
    runs.put(caption, new ArrayList<>(rows));
    return this;
  }

  public ScenarioResult figure(String key, double value) {
    figures.put(key, value);
    return this;
  }

  /** A scenario that failed still reports, saying why, so that the report is never silent. */
  public static ScenarioResult failed(Scenario scenario, Exception error) {
    String why = String.valueOf(error).lines().findFirst().orElse("");
    return new ScenarioResult(
            scenario.name(),
            scenario.name() + ": FAILED",
            "It failed (" + why + "); the bench's output and its logs say more.",
            new ArrayList<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>())
        .summary(scenario.name(), "FAILED: " + why);
  }
}
