package io.shelfstream.bench.catalog;

import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 24's catalog in the suite: 1M events over 200 locations × 50,000 SKUs drained by
 * Shelfstream over Kafka, over HTTP, and by the peer pipeline, side by side in one round ({@code
 * --full}: three, in rotating order). {@link HighCardinalityBench} runs the same with every option,
 * and the memory run.
 */
public final class HighCardinalityScenario implements Scenario {
  private static final CatalogShape SHAPE = new CatalogShape(200, 50_000, 1_000_000, 0.6, 0.3, 24);
  private static final List<String> TARGETS =
      List.of(ShelfstreamKafkaTarget.NAME, ShelfstreamHttpTarget.NAME, PeerTarget.NAME);

  @Override
  public String name() {
    return "high-cardinality";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return Duration.ofMinutes(5L * sizes.runs());
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    CatalogWorkload workload = CatalogWorkload.skewed(SHAPE);
    long distinct = workload.distinctRecords();
    var database =
        new BenchDatabase(
            context.postgres().url(), context.postgres().user(), "hc" + System.nanoTime());
    var run =
        new RunContext(
            new BuiltTree(context.root()),
            context.runDir(),
            database,
            workload,
            distinct,
            RecordSample.draw(workload, 200, SHAPE.seed() + 1),
            1);
    List<TargetResult> results = new ArrayList<>();
    List<String> order = new ArrayList<>(TARGETS);
    for (int round = 1; round <= context.sizes().runs(); round++) {
      for (String target : order) {
        ScenarioContext.say("high-cardinality: round %d, %s", round, target);
        RunContext inRound = run.inRound(round);
        results.add(
            switch (target) {
              case ShelfstreamKafkaTarget.NAME -> ShelfstreamKafkaTarget.run(inRound);
              case ShelfstreamHttpTarget.NAME -> ShelfstreamHttpTarget.run(inRound);
              default -> PeerTarget.run(inRound);
            });
      }
      Collections.rotate(order, 1);
    }
    return result(distinct, results);
  }

  private ScenarioResult result(long distinct, List<TargetResult> results) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("events", String.format(Locale.ROOT, "%,d", SHAPE.events()));
    parameters.put("distinct", String.format(Locale.ROOT, "%,d", distinct));
    var result =
        ScenarioResult.of(
            name(), "High cardinality: Shelfstream and the peer pipeline", parameters);
    Map<String, Map<String, Double>> ratios = CatalogReport.ratios(results);
    for (String target : List.of(ShelfstreamKafkaTarget.NAME, ShelfstreamHttpTarget.NAME)) {
      Map<String, Double> median = ratios.get("median: " + target + " / peer");
      if (median == null) {
        continue;
      }
      result
          .summary(
              target + " ÷ peer, drain rate (from the first event)",
              String.format(Locale.ROOT, "%.2f×", median.get("drainRateFromFirst")))
          .summary(
              target + " ÷ peer, CPU per event, all processes",
              String.format(Locale.ROOT, "%.2f×", median.get("cpuPerEventFromFirst")))
          .figure(target + ".drainRatio", median.get("drainRateFromFirst"))
          .figure(target + ".cpuRatio", median.get("cpuPerEventFromFirst"));
    }
    List<Object> rows = new ArrayList<>();
    for (TargetResult target : results) {
      var first = target.drain().fromFirst();
      rows.add(
          new Row(
              target.round(),
              target.target(),
              Math.round(first.eventsPerSecond()),
              first.microsPerEvent(),
              target.eventsPerJournalEntry(),
              target.sampled() + " checked, " + target.mismatches() + " mismatches"));
    }
    return result.runs("every target, from its first event", rows);
  }

  /** One target's round, as a row of the raw runs. */
  record Row(
      int round,
      String target,
      long eventsPerSecond,
      Map<String, Double> cpuMicrosPerEvent,
      double eventsPerJournalEntry,
      String check) {}
}
