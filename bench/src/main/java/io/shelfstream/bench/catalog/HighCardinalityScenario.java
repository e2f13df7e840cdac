package io.shelfstream.bench.catalog;

import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Issue 24's catalog: a large skewed catalog drained by Shelfstream over Kafka, Shelfstream over
 * HTTP and the peer pipeline (Kafka Connect + the Debezium JDBC sink), side by side in each round
 * ({@code --full}: three, in rotating order, so that no target is always first or last), each on a
 * fresh schema and broker, every target on the same events.
 */
public final class HighCardinalityScenario implements Scenario {
  static final String KAFKA = "shelfstream-kafka";
  static final String HTTP = "shelfstream-http";
  static final String PEER = "peer";
  static final String TOPIC = "pos-catalog";
  static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

  /** One target's round, from its first event written: a row of the raw runs. */
  record Row(
      int round,
      String target,
      double eventsPerSecond,
      Map<String, Double> cpuMicrosPerEvent,
      double eventsPerJournalEntry,
      String check) {}

  @Override
  public String name() {
    return "high-cardinality";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return Duration.ofSeconds(60 + sizes.catalogEvents() / 4_000).multipliedBy(sizes.runs());
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    var workload =
        CatalogWorkload.skewed(200, 50_000, context.sizes().catalogEvents(), 0.6, 0.3, 24);
    var sample = workload.sample(200, 25);
    List<Row> rows = new ArrayList<>();
    List<String> order = new ArrayList<>(List.of(KAFKA, HTTP, PEER));
    for (int round = 1; round <= context.sizes().runs(); round++) {
      for (String target : order) {
        ScenarioContext.say("high-cardinality: round %d, %s", round, target);
        var lines = new CatalogLines(workload);
        rows.add(
            switch (target) {
              case KAFKA ->
                  ShelfstreamTargets.kafka(context, lines, workload.size(), sample, round);
              case HTTP -> ShelfstreamTargets.http(context, lines, workload.size(), sample, round);
              default -> PeerTarget.run(context, lines, workload.size(), sample, round);
            });
      }
      Collections.rotate(order, 1);
    }
    var parameters = Map.of("events", workload.size(), "distinct", workload.distinctRecords());
    var result =
        ScenarioResult.of(name(), "High cardinality: Shelfstream and the peer pipeline", parameters)
            .runs("every target, from its first event", rows);
    for (String target : List.of(KAFKA, HTTP)) {
      List<Double> drain = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (Row row : rows.stream().filter(row -> row.target().equals(target)).toList()) {
        rows.stream()
            .filter(peer -> peer.target().equals(PEER) && peer.round() == row.round())
            .forEach(
                peer -> {
                  drain.add(row.eventsPerSecond() / peer.eventsPerSecond());
                  cpu.add(total(row) / total(peer));
                });
      }
      result
          .summary(
              target + " ÷ peer, drain rate (from the first event)", Stats.describe(drain, "%.2f×"))
          .summary(target + " ÷ peer, CPU per event, all processes", Stats.describe(cpu, "%.2f×"))
          .figure(target + ".drainRatio", Stats.median(drain))
          .figure(target + ".cpuRatio", Stats.median(cpu));
    }
    return result;
  }

  private static double total(Row row) {
    return row.cpuMicrosPerEvent().get("total");
  }

  static Row row(
      int round,
      String target,
      Drain.Measured drain,
      double perEntry,
      int sampled,
      int mismatches) {
    ScenarioContext.say(
        "%s: %.1f s, %,.0f events/s from the first event written, %d of %d sampled records differ",
        target,
        drain.fromStart().seconds(),
        drain.fromFirst().eventsPerSecond(),
        mismatches,
        sampled);
    return new Row(
        round,
        target,
        drain.fromFirst().eventsPerSecond(),
        drain.fromFirst().microsPerEvent(),
        perEntry,
        sampled + " checked, " + mismatches + " mismatches");
  }
}
