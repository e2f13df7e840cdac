package io.shelfstream.simulations.bench;

import io.shelfstream.simulations.check.CheckReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP runs at saturation, each on a fresh node with a fresh database, warmed up before it is
 * measured (NodeWarmUp). After each measured run the checker compares every golden record, and on
 * PostgreSQL the node's rows are loaded again by COPY for the physical limit.
 */
final class HttpRuns {

  /**
   * @param check the golden-record check (null for the warm-up)
   * @param copy the COPY of the run's rows into the node's own DDL (null on H2 and for the warm-up)
   * @param stockCopy the same COPY into pekko-persistence-jdbc's DDL, with event_tag's foreign key
   */
  record Run(
      String label,
      boolean counted,
      HttpLoadResult load,
      CpuMeter.Use cpu,
      CheckReport check,
      CopyLimit.Result copy,
      CopyLimit.Result stockCopy) {}

  private HttpRuns() {}

  static List<Run> saturate(BenchContext context, String name, boolean postgres) throws Exception {
    List<Run> runs = new ArrayList<>();
    Sizes sizes = context.sizes();
    for (int i = 1; i <= context.options().runs(); i++) {
      String label = "run " + i;
      Duration length = sizes.httpRun();
      Console.info(
          "%s %s: a fresh node, warmed up for at least %d s, then saturated for %d s",
          name, label, sizes.warmUp().toSeconds(), length.toSeconds());
      runs.add(
          one(
              context,
              name + "-run" + i,
              label,
              true,
              postgres,
              HttpLoad.SATURATION,
              length,
              List.of(),
              AfterLoad.NOTHING));
      Run last = runs.get(runs.size() - 1);
      Console.info(
          "%s %s: %,.0f accepted events/s, p99 %.0f ms%s",
          name,
          label,
          last.load().acceptedPerSecond(),
          last.load().ackLatencyMillis().p99(),
          last.copy() == null
              ? ""
              : String.format(
                  ", COPY of the same rows %,.0f events/s", last.copy().eventsPerSecond()));
    }
    return runs;
  }

  /** One run on a fresh node; checked and (on PostgreSQL) copied when {@code counted}. */
  static Run one(
      BenchContext context,
      String nodeName,
      String label,
      boolean counted,
      boolean postgres,
      HttpLoad.Shape shape,
      Duration length,
      List<String> jvmOptions,
      AfterLoad afterLoad)
      throws Exception {
    try (Postgres.Schema schema = postgres ? context.postgres().freshSchema() : null) {
      NodeDatabase database =
          postgres
              ? new NodeDatabase.OnPostgres(context.postgres(), schema)
              : new NodeDatabase.EmbeddedH2();
      HttpLoad.Outcome outcome;
      CheckReport check = null;
      try (NodeProcess node = NodeProcess.start(context, nodeName, database, jvmOptions)) {
        warmUp(context, node);
        if (shape.rate() > 0) {
          settle(context, node, shape);
        }
        if (postgres) {
          context.postgres().checkpoint("the measured run");
        }
        Instant started = Instant.now();
        outcome = HttpLoad.run(node.uri(), node.pid(), shape, length);
        afterLoad.accept(node, started, Instant.now());
        if (outcome.result().failure() != null) {
          throw new IOException(
              label + " failed: " + outcome.result().failure() + "\nnode log:\n" + node.logTail());
        }
        if (counted) {
          check = HttpLoad.check(node.uri(), outcome.truth());
        }
      }
      boolean copied = counted && postgres;
      CopyLimit.Limits limits = copied ? CopyLimit.measure(context, schema) : null;
      return new Run(
          label,
          counted,
          outcome.result(),
          outcome.cpu(),
          check,
          limits == null ? null : limits.nodeDdl(),
          limits == null ? null : limits.stockDdl());
    }
  }

  /**
   * Before a fixed-rate run, sends the warm-up's lines at that rate for a while, not counted: right
   * after the saturated warm-up, the projections were still catching up on its events and
   * PostgreSQL on its checkpoints, which is not the steady state a fixed rate is to measure.
   */
  static void settle(BenchContext context, NodeProcess node, HttpLoad.Shape shape)
      throws IOException, InterruptedException {
    Duration length = context.sizes().settle();
    long lines = NodeWarmUp.run(node, shape, length);
    Console.info(
        "  node settled at %,.0f lines/s: %,d lines in %d s, not counted",
        shape.rate(), lines, length.toSeconds());
  }

  /**
   * Warms the node's JIT on entities of its own before it is measured (see NodeWarmUp): for the
   * warm-up's length, then on in slices while its compilers still use more than {@link
   * #JIT_SETTLED_CORES} (up to {@link Sizes#warmUpMore}). On a slower host 90 s left C2 at 0.2
   * cores when the measured run began, falling to 0.05 by its end: the run measured the JIT's
   * warm-up as much as the node.
   */
  static void warmUp(BenchContext context, NodeProcess node)
      throws IOException, InterruptedException {
    Duration length = context.sizes().warmUp();
    long lines = NodeWarmUp.run(node, HttpLoad.SATURATION, length);
    Duration more = Duration.ZERO;
    double jit = Double.NaN;
    while (more.compareTo(context.sizes().warmUpMore()) < 0) {
      JitActivity slice = JitActivity.start(node.pid());
      lines += NodeWarmUp.run(node, HttpLoad.SATURATION, WARM_UP_SLICE);
      more = more.plus(WARM_UP_SLICE);
      jit = slice.cores();
      if (jit < JIT_SETTLED_CORES) {
        break;
      }
    }
    Console.info(
        "  node warmed up: %,d lines in %d s, not counted%s",
        lines,
        length.plus(more).toSeconds(),
        Double.isNaN(jit)
            ? ""
            : String.format(
                Locale.ROOT,
                " (JIT compilers at %.2f cores in the last %d s)",
                jit,
                WARM_UP_SLICE.toSeconds()));
  }

  /** Below this, the node's JIT compilers are as quiet as in a node that has run for long. */
  static final double JIT_SETTLED_CORES = 0.05;

  static final Duration WARM_UP_SLICE = Duration.ofSeconds(15);
}
