package io.shelfstream.bench.http;

import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.load.WarmUp;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.ScenarioContext;
import java.util.List;

/**
 * One measured HTTP run: a fresh node (on a fresh PostgreSQL schema, or embedded H2), warmed up,
 * then a CHECKPOINT so that it does not inherit the warm-up's WAL, the simulated load and its
 * check; on PostgreSQL, if asked, the COPY of the rows it wrote beside it.
 */
final class HttpRun {
  /**
   * @param copy the COPY of its rows; null on H2 or when not asked for
   */
  record Measured(SimulatedLoad.Run run, CopyBaseline.Result copy) {}

  private HttpRun() {}

  static Measured one(
      ScenarioContext context,
      String name,
      boolean postgres,
      SimulatedLoad.Shape shape,
      boolean copy)
      throws Exception {
    try (Postgres.Schema schema = postgres ? context.postgres().freshSchema() : null) {
      SimulatedLoad.Run run;
      try (Node node = Node.start(context, name, schema, List.of())) {
        WarmUp warmUp = new WarmUp();
        warmUp.send(node, SimulatedLoad.SATURATION, context.sizes().warmUp());
        if (shape.linesPerSecond() > 0) {
          // a steady state at this rate, not the saturated warm-up's aftermath
          warmUp.send(node, shape, context.sizes().settle());
        }
        if (postgres) {
          context.postgres().checkpoint();
        }
        run = SimulatedLoad.run(node.uri(), node.pid(), shape, context.sizes().httpRun());
      }
      ScenarioContext.say(
          "%s: %,.0f events/s, ack p99 %.0f ms, %d mismatches",
          name, run.eventsPerSecond(), run.ackP99Ms(), run.mismatches());
      return new Measured(run, copy ? CopyBaseline.measure(context, schema, run) : null);
    }
  }
}
