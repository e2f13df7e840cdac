package io.shelfstream.simulations.bench;

import io.shelfstream.simulations.check.CheckReport;
import io.shelfstream.simulations.check.Checker;
import io.shelfstream.simulations.check.NodeClient;
import io.shelfstream.simulations.emit.HttpBatchEmitter;
import io.shelfstream.simulations.emit.Pacer;
import io.shelfstream.simulations.emit.SendStats;
import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.MalformedLine;
import io.shelfstream.simulations.noise.NoiseCounters;
import io.shelfstream.simulations.noise.NoisePipeline;
import io.shelfstream.simulations.noise.NoiseSpec;
import io.shelfstream.simulations.noise.ValidLine;
import io.shelfstream.simulations.truth.GroundTruth;
import io.shelfstream.simulations.truth.PoliciesJson;
import io.shelfstream.simulations.world.World;
import io.shelfstream.simulations.world.WorldSpec;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Iterator;
import org.HdrHistogram.Histogram;

/**
 * The simulator as a library: its world, through its noise, into its HTTP batch emitter, while its
 * ground truth is fed every valid line sent. A run lasts {@code duration} (or until {@code
 * maxEvents} world events), then waits for every acknowledgement; the checker can then compare
 * every golden record the run touched.
 */
final class HttpLoad {

  /** 15 stores and 500 SKUs (plus warehouses): about 9,000 entities, all active at once. */
  static final WorldSpec WORLD =
      new WorldSpec(2026, 15, 500, WorldSpec.UNBOUNDED, LocalDate.of(2026, 1, 1));

  /** The demo's noise, lighter: duplicates, reordering and malformed lines, as tills send them. */
  static final NoiseSpec NOISE =
      NoiseSpec.NONE.withDuplicates(3).withOutOfOrder(10).withMalformed(1);

  /**
   * 8 senders of 250-line batches: 2,000 lines in flight, the node's own bound on events in flight
   * (shelfstream.ingest.max-in-flight-events), so the node is never starved and never queues much.
   */
  static final Shape SATURATION = new Shape(8, 250, 0);

  private static final long MAX_EVENTS = 20_000_000;
  private static final Duration ACK_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration SETTLE = Duration.ofSeconds(10);

  /**
   * How the load is sent: concurrent senders, lines per batch, and lines/s (0: as fast as it can).
   */
  record Shape(int senders, int batchLines, double rate) {
    Shape atRate(double linesPerSecond) {
      return new Shape(senders, batchLines, linesPerSecond);
    }
  }

  private HttpLoad() {}

  /** A finished run, and the ground truth of every valid line it sent. */
  record Outcome(HttpLoadResult result, GroundTruth truth) {}

  static Outcome run(URI node, Shape shape, Duration duration)
      throws IOException, InterruptedException {
    GroundTruth truth = new GroundTruth(PoliciesJson.parse(new NodeClient(node).policies()));
    Iterator<Emission> lines =
        NoisePipeline.apply(
            World.create(WORLD).firstEvents(MAX_EVENTS), NOISE, WORLD.seed(), new NoiseCounters());
    SendStats stats = new SendStats();
    Pacer pacer = Pacer.of(shape.rate(), false);
    long generatingNanos = 0;
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    double seconds;
    try (Progress progress = Progress.every(Duration.ofSeconds(10), stats);
        HttpBatchEmitter emitter =
            new HttpBatchEmitter(node, shape.batchLines(), shape.senders(), stats)) {
      while (stats.failure() == null && System.nanoTime() < deadline && lines.hasNext()) {
        long generating = System.nanoTime();
        Emission line = lines.next();
        boolean resend = false;
        if (line instanceof ValidLine valid) {
          truth.accept(valid.event());
          resend = valid.resend();
        }
        generatingNanos += System.nanoTime() - generating;
        pacer.acquire();
        stats.sent(line instanceof MalformedLine, resend);
        emitter.send(line);
      }
      emitter.finish(ACK_TIMEOUT);
      seconds = (System.nanoTime() - started) / 1e9;
    }
    return new Outcome(
        new HttpLoadResult(
            stats.sent(),
            stats.malformedSent(),
            stats.accepted(),
            stats.duplicates(),
            stats.rejected(),
            stats.retried(),
            stats.unacknowledged() + stats.validRejected() + stats.malformedNotRejected(),
            seconds,
            generatingNanos / 1e9,
            latency(stats.latencySnapshot()),
            stats.failure(),
            stats.anomalies()),
        truth);
  }

  /** Compares every golden record the run touched with ground truth. */
  static CheckReport check(URI node, GroundTruth truth) throws InterruptedException {
    return new Checker(new NodeClient(node), Duration.ofSeconds(2)).check(truth, SETTLE);
  }

  private static HttpLoadResult.Latency latency(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new HttpLoadResult.Latency(Double.NaN, Double.NaN, Double.NaN);
    }
    return new HttpLoadResult.Latency(
        micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0,
        micros.getMaxValue() / 1000.0);
  }
}
