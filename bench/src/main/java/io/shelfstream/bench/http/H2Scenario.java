package io.shelfstream.bench.http;

import io.shelfstream.bench.http.HttpRuns.Measured;
import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The saturated HTTP runs of {@link HttpScenario}, on nodes keeping their journal in H2. */
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
      runs.add(HttpRuns.one(context, "h2-" + i, false, SimulatedLoad.SATURATION, false));
    }
    List<Double> rate = HttpRuns.values(runs, m -> m.run().eventsPerSecond());
    ScenarioResult result =
        ScenarioResult.of(
                name(),
                "HTTP → embedded H2",
                "The saturated runs of the HTTP scenario (same world, noise, senders, warm-up and"
                    + " length), on nodes without `SHELFSTREAM_DB_URL`: the journal is an H2 file"
                    + " database in the node's data directory (`WRITE_DELAY=0`: every commit is in"
                    + " the file before the node answers). H2 ÷ PostgreSQL divides the medians of"
                    + " this scenario and the HTTP one, in the same bench run.")
            .summary("HTTP → embedded H2, saturation", Stats.describe(rate, "%,.0f") + " events/s")
            .table(HttpRuns.table("At saturation, H2", runs))
            .figure("eventsPerSecond", Stats.median(rate))
            .figure("mismatches", HttpRuns.mismatches(runs));
    context
        .figure("http", "eventsPerSecond")
        .ifPresent(
            postgres ->
                result
                    .summary("H2 ÷ PostgreSQL", Stats.format("%.2f", Stats.median(rate) / postgres))
                    .figure("h2OverPostgres", Stats.median(rate) / postgres));
    return result;
  }
}
