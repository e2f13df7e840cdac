package io.shelfstream.bench.scenario;

import java.time.Duration;

/**
 * One benchmark of the suite. To add one, without touching the others:
 *
 * <ol>
 *   <li>implement this interface in a package of its own ({@code io.shelfstream.bench.<concept>});
 *   <li>in {@link #run}, start what it measures with the context's helpers (nodes, PostgreSQL
 *       schemas, loads, {@code ProcessCpu}, {@code Jcmd}), bounded in count and time by {@link
 *       Sizes}, and return a {@link ScenarioResult}: its method (one paragraph), its rows of the
 *       summary table, its raw runs as tables, and its headline figures by name;
 *   <li>list it in {@code io.shelfstream.bench.Bench#SCENARIOS}: its {@link #name} becomes a value
 *       of {@code --only}.
 * </ol>
 *
 * The JSON file and BENCHMARKS.md take the result as it is; nothing else changes. A scenario that
 * compares itself with another (a ratio side by side) reads the other's figures from {@link
 * ScenarioContext#figure}, which holds every figure of the scenarios that ran before it in this
 * run.
 */
public interface Scenario {

  /** Short and stable: the value of {@code --only}, and the prefix of its figures in the JSON. */
  String name();

  /** About how long it runs at these sizes, for the progress line's ETA. */
  Duration estimate(Sizes sizes);

  ScenarioResult run(ScenarioContext context) throws Exception;
}
