package io.shelfstream.simulations.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The per-run table and the medians of HTTP runs, shared by the PostgreSQL and H2 sections. */
final class HttpRunTable {

  private HttpRunTable() {}

  static Series series(List<HttpRuns.Run> runs, ToDoubleFunction<HttpRuns.Run> figure) {
    Series series = new Series();
    runs.stream().filter(HttpRuns.Run::counted).mapToDouble(figure).forEach(series::add);
    return series;
  }

  static Series acceptedPerSecond(List<HttpRuns.Run> runs) {
    return series(runs, run -> run.load().acceptedPerSecond());
  }

  static Table of(List<HttpRuns.Run> runs) {
    Table table =
        new Table(
            "run",
            "accepted events",
            "seconds",
            "events/s",
            "ack p50 ms",
            "ack p99 ms",
            "acks as expected",
            "records checked, mismatches",
            "CPU cores used");
    for (HttpRuns.Run run : runs) {
      HttpLoadResult load = run.load();
      table.row(
          run.counted() ? run.label() : run.label() + " (not counted)",
          String.format("%,d", load.accepted()),
          Series.format("%.1f", load.seconds()),
          Series.format("%,.0f", load.acceptedPerSecond()),
          Series.format("%,.0f", load.ackLatencyMillis().p50()),
          Series.format("%,.0f", load.ackLatencyMillis().p99()),
          load.acknowledgementsAsExpected() ? "yes" : "NO: " + load.anomalyDetails(),
          run.check() == null
              ? "not checked"
              : String.format(
                  "%,d, %d",
                  run.check().inventoryChecked() + run.check().storesChecked(),
                  run.check().mismatches()),
          run.cpu().describe());
    }
    return table;
  }

  /** Whether the harness kept up: its generating time and CPU against the run's wall time. */
  static String sendingSide(List<HttpRuns.Run> runs) {
    double generating = 0;
    double wall = 0;
    double harnessCores = 0;
    int counted = 0;
    for (HttpRuns.Run run : runs) {
      if (run.counted()) {
        generating += run.load().generatingSeconds();
        wall += run.load().seconds();
        harnessCores = Math.max(harnessCores, run.cpu().harness());
        counted++;
      }
    }
    double share = generating / Math.max(1e-9, wall);
    // the harness shares the 2 cores with the node: below a tenth of the wall time and a quarter
    // of a core it cannot be what limits the node
    boolean keptUp = share < 0.1 && harnessCores < 0.25;
    return String.format(
        java.util.Locale.ROOT,
        "Sending side: each run's lines are generated before its clock starts, and ground truth"
            + " is fed after it; generating lines beyond those prepared took %.1f s of %.1f s of"
            + " wall time over the %d measured runs (%.1f%%), and the harness JVM (senders, and"
            + " any generating) used at most %.2f cores: %s",
        generating,
        wall,
        counted,
        100 * share,
        harnessCores,
        keptUp
            ? "the simulator was not the bottleneck."
            : "the simulator may have slowed the node down; read these figures with care.");
  }

  static boolean allCorrect(List<HttpRuns.Run> runs) {
    return runs.stream()
        .filter(HttpRuns.Run::counted)
        .allMatch(
            run ->
                run.load().acknowledgementsAsExpected()
                    && run.check() != null
                    && run.check().mismatches() == 0);
  }

  static long mismatches(List<HttpRuns.Run> runs) {
    return runs.stream()
        .filter(run -> run.check() != null)
        .mapToLong(run -> run.check().mismatches())
        .sum();
  }
}
