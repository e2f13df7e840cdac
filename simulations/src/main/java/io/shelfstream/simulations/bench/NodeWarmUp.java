package io.shelfstream.simulations.bench;

import io.shelfstream.simulations.emit.Pacer;
import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.NoiseCounters;
import io.shelfstream.simulations.noise.NoisePipeline;
import io.shelfstream.simulations.world.World;
import io.shelfstream.simulations.world.WorldSpec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warms a freshly started node before it is measured: its JIT compiles the ingestion path. On 2
 * cores shared with PostgreSQL and the harness, C2 has a queue of thousands of methods after start:
 * measured with -XX:+PrintCompilation, the JSON parser's hottest methods were still C1-compiled 100
 * s into a saturating load, and C2 kept a quarter of a core busy well after that.
 *
 * <p>The load is the measured world's own life, through the same noise, on sites renamed {@value
 * #SITE_PREFIX}S001 and so on: the node compiles and profiles the very paths the measured lines
 * take (kinds, fields, noise, the world's days), while none of the records the checker compares is
 * touched, and the measured run still creates and recovers each of its own entities. Warmed on
 * synthetic lines of each kind instead, the node's C2 went back to a third of a core in the first
 * 10 s of the measured run, and the run's first 20 s went at half its last (docs/write-path-
 * profiles.md, section 12). Bounded by a time and by a count of batches.
 */
final class NodeWarmUp {
  static final String SITE_PREFIX = "warmup-";

  /** The world the warm-up sends: the measured one on renamed sites. */
  static final WorldSpec WORLD = HttpLoad.WORLD.withSitePrefix(SITE_PREFIX);

  private static final long MAX_BATCHES = 20_000;
  private static final long MAX_EVENTS = 20_000_000;

  private NodeWarmUp() {}

  /** The journal's persistence ids of the warm-up's entities (inventory and store), SQL LIKE. */
  static final String PERSISTENCE_ID_PATTERN = "%|" + SITE_PREFIX + "%";

  /**
   * A node's warm-up lines, from the world's first day on: each warm-up goes on from the last
   * (lines sent again would only be duplicates). Safe for several senders.
   */
  static final class Lines {
    private Iterator<Emission> lines;

    synchronized List<String> next(int count) {
      if (lines == null) {
        lines =
            NoisePipeline.apply(
                World.create(WORLD).firstEvents(MAX_EVENTS),
                HttpLoad.NOISE,
                WORLD.seed(),
                new NoiseCounters());
      }
      List<String> next = new ArrayList<>(count);
      while (next.size() < count && lines.hasNext()) {
        next.add(new String(lines.next().bytes(), StandardCharsets.UTF_8));
      }
      return next;
    }
  }

  /**
   * Sends for {@code length}, at saturation or at the shape's rate; returns the lines the node
   * acknowledged as durable.
   */
  static long run(NodeProcess node, HttpLoad.Shape shape, Duration length)
      throws IOException, InterruptedException {
    if (length.isZero()) {
      return 0;
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long deadline = System.nanoTime() + length.toNanos();
    AtomicLong batches = new AtomicLong();
    AtomicLong acknowledged = new AtomicLong();
    Pacer batchPacer = Pacer.of(shape.rate() / shape.batchLines(), false); // rate 0: no pause
    BatchSenders.run(
        shape.senders(),
        length.plusSeconds(180),
        "node warm-up",
        () -> {
          while (System.nanoTime() < deadline && batches.incrementAndGet() <= MAX_BATCHES) {
            synchronized (batchPacer) {
              batchPacer.acquire();
            }
            List<String> batch = node.warmUpLines().next(shape.batchLines());
            if (batch.isEmpty()) {
              return;
            }
            BatchSenders.post(client, node.uri(), String.join("\n", batch) + "\n");
            acknowledged.addAndGet(batch.size());
          }
        });
    return acknowledged.get();
  }

  /** The node's next {@code count} warm-up lines, each without its newline, for a Kafka topic. */
  static List<String> lines(NodeProcess node, int count) {
    return node.warmUpLines().next(count);
  }
}
