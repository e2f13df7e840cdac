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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

  /** Lines a saturation run prepares per second of its length: above any rate seen here. */
  private static final long SATURATION_PREPARED_PER_SECOND = 80_000;

  /** At about 500 bytes each (event, line and its bytes), 2.4 GB of the harness's heap. */
  private static final long MAX_PREPARED = 4_800_000;

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

  /**
   * A finished run, the ground truth of every valid line it sent, and where the machine's CPU went
   * while it sent them (from its clock's start to its last acknowledgement: not the generating
   * before it, nor the ground truth after it).
   */
  record Outcome(HttpLoadResult result, GroundTruth truth, CpuMeter.Use cpu) {}

  static Outcome run(URI node, long nodePid, Shape shape, Duration duration)
      throws IOException, InterruptedException {
    GroundTruth truth = new GroundTruth(PoliciesJson.parse(new NodeClient(node).policies()));
    Iterator<Emission> lines =
        NoisePipeline.apply(
            World.create(WORLD).firstEvents(MAX_EVENTS), NOISE, WORLD.seed(), new NoiseCounters());
    // Generating the world, its noise and its JSON cost the harness about 18 µs of CPU per line,
    // on the cores the node and PostgreSQL share with it: as much CPU as the node's journal
    // writes. The lines are generated before the clock starts, as COPY's rows are written to a
    // file before it is timed; past them the run goes on generating as it sends.
    List<Emission> prepared = prepare(lines, preparedLines(shape, duration));
    List<Emission> sent = new ArrayList<>(prepared.size());
    SendStats stats = new SendStats();
    Pacer pacer = Pacer.of(shape.rate(), false);
    long generatingNanos = 0;
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    double seconds;
    CpuMeter.Use cpu;
    CpuMeter meter = CpuMeter.start(nodePid);
    try (Progress progress = Progress.every(Duration.ofSeconds(10), stats);
        HttpBatchEmitter emitter =
            new HttpBatchEmitter(node, shape.batchLines(), shape.senders(), stats)) {
      Iterator<Emission> ready = prepared.iterator();
      while (stats.failure() == null
          && System.nanoTime() < deadline
          && (ready.hasNext() || lines.hasNext())) {
        Emission line;
        if (ready.hasNext()) {
          line = ready.next();
        } else {
          long generating = System.nanoTime();
          line = lines.next();
          generatingNanos += System.nanoTime() - generating;
        }
        sent.add(line);
        pacer.acquire();
        stats.sent(
            line instanceof MalformedLine, line instanceof ValidLine valid && valid.resend());
        emitter.send(line);
      }
      emitter.finish(ACK_TIMEOUT);
      seconds = (System.nanoTime() - started) / 1e9;
      cpu = meter.stop();
    }
    // the ground truth of what was sent, in the order it was sent
    ValidLine.eventsOf(sent, truth::accept);
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
        truth,
        cpu);
  }

  /**
   * Lines to generate before a run: what it can send at its rate, or at saturation what this
   * machine's node takes in that time with room to spare, bounded by {@link #MAX_PREPARED}.
   */
  static long preparedLines(Shape shape, Duration duration) {
    double perSecond = shape.rate() > 0 ? shape.rate() * 1.05 : SATURATION_PREPARED_PER_SECOND;
    return Math.min(MAX_PREPARED, (long) (perSecond * duration.toMillis() / 1000.0) + 1_000);
  }

  private static List<Emission> prepare(Iterator<Emission> lines, long count) {
    List<Emission> prepared = new ArrayList<>((int) Math.min(count, 1 << 20));
    while (prepared.size() < count && lines.hasNext()) {
      prepared.add(lines.next());
    }
    return prepared;
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
