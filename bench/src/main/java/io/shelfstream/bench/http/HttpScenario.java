package io.shelfstream.bench.http;

import io.shelfstream.bench.http.HttpRun.Measured;
import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * HTTP into one node on PostgreSQL, at saturation and at a fixed rate, and the physical limit
 * beside each saturated run: COPY of the very rows it wrote, into the same database.
 */
public final class HttpScenario implements Scenario {
  @Override
  public String name() {
    return "http";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    Duration run = sizes.warmUp().plus(sizes.httpRun()).plusSeconds(60);
    return run.plus(run).plus(sizes.settle()).multipliedBy(sizes.runs());
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    Sizes sizes = context.sizes();
    List<Measured> saturated = new ArrayList<>();
    for (int i = 1; i <= sizes.runs(); i++) {
      saturated.add(HttpRun.one(context, "http-" + i, true, SimulatedLoad.SATURATION, true));
    }
    double fixedRate = Math.min(5_000, median(saturated, m -> m.run().eventsPerSecond()) / 2);
    var shape = new SimulatedLoad.Shape(8, 250, fixedRate);
    List<Measured> fixed = new ArrayList<>();
    for (int i = 1; i <= sizes.runs(); i++) {
      fixed.add(HttpRun.one(context, "http-fixed-" + i, true, shape, false));
    }
    long mismatches =
        saturated.stream().mapToLong(m -> m.run().mismatches()).sum()
            + fixed.stream().mapToLong(m -> m.run().mismatches()).sum();
    var parameters =
        Map.of(
            "runSeconds", sizes.httpRun().toSeconds(),
            "warmUpSeconds", sizes.warmUp().toSeconds(),
            "settleSeconds", sizes.settle().toSeconds(),
            "loads", sizes.copyLoads());
    return ScenarioResult.of(name(), "HTTP → PostgreSQL, and COPY of the same rows", parameters)
        .summary(
            "HTTP → PostgreSQL, saturation",
            describe(saturated, m -> m.run().eventsPerSecond(), "%,.0f") + " events/s")
        .summary(
            "ack latency at saturation (p99)",
            describe(saturated, m -> m.run().ackP99Ms(), "%,.0f") + " ms")
        .summary(
            Stats.format("ack latency at %,.0f lines/s (p99)", fixedRate),
            describe(fixed, m -> m.run().ackP99Ms(), "%,.0f") + " ms")
        .summary(
            "golden records checked against the simulator's ground truth",
            mismatches + " mismatches")
        .summary(
            "COPY of the same rows, same database",
            describe(saturated, m -> m.copy().eventsPerSecond(), "%,.0f") + " events/s")
        .summary("engine ÷ COPY", describe(saturated, m -> m.copy().engineOverCopy(), "%.3f"))
        .summary(
            "COPY into pekko-persistence-jdbc's stock DDL",
            describe(saturated, m -> m.copy().stockDdlEventsPerSecond(), "%,.0f") + " events/s")
        .summary(
            "engine ÷ COPY into the stock DDL",
            describe(saturated, m -> m.copy().engineOverStockDdl(), "%.3f"))
        .runs("At saturation", saturated.stream().map(Measured::run).toList())
        .runs(
            Stats.format("At %,.0f lines/s", fixedRate), fixed.stream().map(Measured::run).toList())
        .runs("COPY of each saturated run's rows", saturated.stream().map(Measured::copy).toList())
        .figure("eventsPerSecond", median(saturated, m -> m.run().eventsPerSecond()))
        .figure("p99Ms", median(saturated, m -> m.run().ackP99Ms()))
        .figure("fixedRate", fixedRate)
        .figure("fixedRateP99Ms", median(fixed, m -> m.run().ackP99Ms()))
        .figure("mismatches", mismatches)
        .figure("copyEventsPerSecond", median(saturated, m -> m.copy().eventsPerSecond()))
        .figure("engineOverCopy", median(saturated, m -> m.copy().engineOverCopy()))
        .figure("engineOverStockDdl", median(saturated, m -> m.copy().engineOverStockDdl()));
  }

  static double median(List<Measured> runs, ToDoubleFunction<Measured> figure) {
    return Stats.median(runs.stream().mapToDouble(figure).boxed().toList());
  }

  static String describe(List<Measured> runs, ToDoubleFunction<Measured> figure, String format) {
    return Stats.describe(runs.stream().mapToDouble(figure).boxed().toList(), format);
  }
}
