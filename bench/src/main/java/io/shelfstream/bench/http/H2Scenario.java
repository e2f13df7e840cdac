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

/** The saturated runs of {@link HttpScenario}, on nodes keeping their journal in embedded H2. */
public final class H2Scenario implements Scenario {
  @Override
  public String name() {
    return "h2";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return sizes.warmUp().plus(sizes.httpRun()).plusSeconds(60).multipliedBy(sizes.runs());
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    List<Measured> runs = new ArrayList<>();
    for (int i = 1; i <= context.sizes().runs(); i++) {
      runs.add(HttpRun.one(context, "h2-" + i, false, SimulatedLoad.SATURATION, false));
    }
    double median = HttpScenario.median(runs, m -> m.run().eventsPerSecond());
    ScenarioResult result =
        ScenarioResult.of(name(), "HTTP → embedded H2", Map.of())
            .summary(
                "HTTP → embedded H2, saturation",
                HttpScenario.describe(runs, m -> m.run().eventsPerSecond(), "%,.0f") + " events/s")
            .runs("At saturation, on H2", runs.stream().map(Measured::run).toList())
            .figure("eventsPerSecond", median);
    context
        .figure("http", "eventsPerSecond")
        .ifPresent(
            postgres ->
                result
                    .summary("H2 ÷ PostgreSQL", Stats.format("%.2f", median / postgres))
                    .figure("h2OverPostgres", median / postgres));
    return result;
  }
}
