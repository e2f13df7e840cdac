package io.shelfstream.bench.http;

import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.load.WarmUp;
import io.shelfstream.bench.measure.Cores;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult.Table;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One measured HTTP run: a fresh node (on a fresh PostgreSQL schema, or embedded H2), warmed up,
 * then a CHECKPOINT so that it does not inherit the warm-up's WAL, the simulated load, the check of
 * every golden record it touched, and on PostgreSQL the COPY of the rows it wrote.
 */
final class HttpRuns {

  /**
   * @param copy the COPY baseline of its rows; null on H2 or when not asked for
   */
  record Measured(SimulatedLoad.Run run, long mismatches, CopyBaseline.Result copy) {}

  private HttpRuns() {}

  static Measured one(
      ScenarioContext context,
      String name,
      boolean postgres,
      SimulatedLoad.Shape shape,
      boolean copy)
      throws Exception {
    Duration length = context.sizes().httpRun();
    try (Postgres.Schema schema = postgres ? context.postgres().freshSchema() : null) {
      SimulatedLoad.Outcome outcome;
      long mismatches;
      try (Node node = Node.start(context, name, schema, List.of())) {
        WarmUp warmUp = new WarmUp();
        ScenarioContext.say("%s: warming up for %d s", name, context.sizes().warmUp().toSeconds());
        warmUp.send(node, SimulatedLoad.SATURATION, context.sizes().warmUp());
        if (shape.rate() > 0) {
          // a steady state at this rate, not the saturated warm-up's aftermath
          warmUp.send(node, shape, context.sizes().settle());
        }
        if (postgres) {
          context.postgres().checkpoint();
        }
        ScenarioContext.say("%s: measuring for %d s", name, length.toSeconds());
        outcome = SimulatedLoad.run(node.uri(), node.pid(), shape, length);
        mismatches = SimulatedLoad.check(node.uri(), outcome.truth());
      }
      SimulatedLoad.Run run = outcome.run();
      ScenarioContext.say(
          "%s: %,.0f events/s, ack p99 %.0f ms, %d mismatches",
          name, run.eventsPerSecond(), run.p99Millis(), mismatches);
      CopyBaseline.Result rows =
          copy && postgres ? CopyBaseline.measure(context, schema, run.accepted()) : null;
      return new Measured(run, mismatches, rows);
    }
  }

  static List<Double> values(List<Measured> runs, ToDoubleFunction<Measured> figure) {
    return runs.stream().mapToDouble(figure).boxed().toList();
  }

  static long mismatches(List<Measured> runs) {
    return runs.stream().mapToLong(Measured::mismatches).sum();
  }

  static Table table(String caption, List<Measured> runs) {
    Table table =
        Table.of(
            caption,
            "run",
            "accepted events",
            "seconds",
            "events/s",
            "ack p50 / p99 / max ms",
            "acks as expected",
            "mismatches",
            "CPU cores: node, postgres, bench, other");
    for (int i = 0; i < runs.size(); i++) {
      SimulatedLoad.Run run = runs.get(i).run();
      table.row(
          i + 1,
          String.format("%,d", run.accepted()),
          Stats.format("%.1f", run.seconds()),
          Stats.format("%,.0f", run.eventsPerSecond()),
          Stats.format("%.0f / ", run.p50Millis())
              + Stats.format("%.0f / ", run.p99Millis())
              + Stats.format("%.0f", run.maxMillis()),
          run.asExpected() ? "yes" : "**no**",
          runs.get(i).mismatches(),
          Cores.of(run.cpu()));
    }
    return table;
  }
}
