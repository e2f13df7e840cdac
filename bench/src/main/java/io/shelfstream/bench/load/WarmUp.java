package io.shelfstream.bench.load;

import io.shelfstream.bench.node.Node;
import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.NoiseCounters;
import io.shelfstream.simulations.noise.NoisePipeline;
import io.shelfstream.simulations.world.World;
import io.shelfstream.simulations.world.WorldSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A node's warm-up before it is measured, for a fixed time: the measured world's own life through
 * the same noise, on sites renamed {@code warmup-S001} and so on, so that its JIT compiles the very
 * paths the measured lines take while no record the checker compares is touched. Each warm-up goes
 * on from the last (lines sent again would only be duplicates).
 */
public final class WarmUp {
  public static final String SITE_PREFIX = "warmup-";
  private static final WorldSpec WORLD = SimulatedLoad.WORLD.withSitePrefix(SITE_PREFIX);

  private final Iterator<Emission> lines =
      NoisePipeline.apply(
          World.create(WORLD).firstEvents(20_000_000),
          SimulatedLoad.NOISE,
          WORLD.seed(),
          new NoiseCounters());

  /** The next {@code count} lines, each without its newline. */
  public synchronized List<String> lines(int count) {
    List<String> next = new ArrayList<>(count);
    while (next.size() < count && lines.hasNext()) {
      next.add(new String(lines.next().bytes(), StandardCharsets.UTF_8));
    }
    return next;
  }

  /** Sends for {@code length} at the shape's rate (0: saturating). */
  public void send(Node node, SimulatedLoad.Shape shape, Duration length)
      throws IOException, InterruptedException {
    SimulatedLoad.send(node.uri(), shape, length, lines::next, "warm-up");
  }
}
