package io.shelfstream.bench.scenario;

import java.time.Duration;

/**
 * One benchmark of the suite. To add one, without touching the others:
 *
 * <ol>
 *   <li>implement this interface in a package of its own ({@code io.shelfstream.bench.<concept>});
 *   <li>write how it measures as {@code src/main/resources/methods/<name>.md}, a paragraph of
 *       Markdown whose {@code {key}} placeholders {@link ScenarioResult#of} fills;
 *   <li>in {@link #run}, start what it measures with the bench's helpers ({@code node.Node}, {@code
 *       node.Postgres} schemas, {@code load.Posts}, {@code measure.ProcessCpu}, {@code
 *       measure.Jcmd}), bounded in count and time by {@link Sizes}, and return a {@link
 *       ScenarioResult}: its rows of the summary table, its raw runs (lists of records: one row
 *       each, one column per component) and its headline figures by name;
 *   <li>add it to {@code io.shelfstream.bench.Bench#SCENARIOS}: its {@link #name} becomes a value
 *       of {@code --only}.
 * </ol>
 *
 * The JSON file and BENCHMARKS.md take the result as it is. A scenario that compares itself with
 * another side by side (a ratio of two figures of the same run) reads the other's figures with
 * {@link ScenarioContext#figure}: every figure of the scenarios that ran before it in this run.
 */
public interface Scenario {

  /** Short and stable: the value of {@code --only}, and the prefix of its figures in the JSON. */
  String name();

  /** About how long it runs at these sizes, for the progress line's estimate of the time left. */
  Duration estimate(Sizes sizes);

  ScenarioResult run(ScenarioContext context) throws Exception;
}
