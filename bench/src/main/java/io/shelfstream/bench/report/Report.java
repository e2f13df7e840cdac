package io.shelfstream.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shelfstream.bench.scenario.ScenarioResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A bench run as data: what ran where, and each scenario's result. Written to
 * bench-results/&lt;stamp&gt;.json; BENCHMARKS.md is rendered from that file.
 */
public record Report(Header header, List<ScenarioResult> scenarios) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * @param results the JSON file's path, relative to the repository
   * @param runsPerScenario measured runs per scenario: 1 by default, 3 with --full
   */
  public record Header(
      String command,
      String started,
      double wallSeconds,
      String results,
      int runsPerScenario,
      Machine machine) {}

  public void write(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  public static Report read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Report.class);
  }
}
