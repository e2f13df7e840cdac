package io.shelfstream.bench.load;

import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.scenario.ScenarioContext;
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
import java.util.Map;

/**
 * The simulator as a library: its world, through its noise, into its HTTP batch emitter, with its
 * ground truth fed every valid line sent, so that its checker can then compare every golden record
 * the run touched. The lines are generated before the clock starts (about 18 µs of CPU each, on the
 * cores the node shares), as COPY's rows are exported before COPY is timed.
 */
public final class SimulatedLoad {
  /** 15 stores and 500 SKUs (and warehouses): about 9,000 golden records in about 20 entities. */
  public static final WorldSpec WORLD =
      new WorldSpec(2026, 15, 500, WorldSpec.UNBOUNDED, LocalDate.of(2026, 1, 1));

  /** Duplicates, reordering and malformed lines, as tills send them. */
  public static final NoiseSpec NOISE =
      NoiseSpec.NONE.withDuplicates(3).withOutOfOrder(10).withMalformed(1);

  /** 8 senders of 250-line batches: the node's own bound of 2,000 events in flight. */
  public static final Shape SATURATION = new Shape(8, 250, 0);

  private static final long PREPARED_PER_SECOND = 80_000;
  private static final long MAX_EVENTS = 20_000_000;
  private static final Duration ACK_TIMEOUT = Duration.ofMinutes(5);

  /** Concurrent senders, lines per batch, lines/s (0: as fast as the node answers). */
  public record Shape(int senders, int batchLines, double rate) {
    public Shape atRate(double linesPerSecond) {
      return new Shape(senders, batchLines, linesPerSecond);
    }
  }

  /**
   * A finished run.
   *
   * @param seconds from the first line sent to the last acknowledgement
   * @param generatingSeconds spent generating lines beyond those prepared, inside the window
   * @param asExpected every malformed line rejected, no valid one, none unanswered
   */
  public record Run(
      long sent,
      long accepted,
      long duplicates,
      long rejected,
      double seconds,
      double generatingSeconds,
      double p50Millis,
      double p99Millis,
      double maxMillis,
      boolean asExpected,
      ProcessCpu.Use cpu) {
    public double eventsPerSecond() {
      return accepted / seconds;
    }
  }

  public record Outcome(Run run, GroundTruth truth) {}

  private SimulatedLoad() {}

  public static Outcome run(URI node, long nodePid, Shape shape, Duration duration)
      throws IOException, InterruptedException {
    GroundTruth truth = new GroundTruth(PoliciesJson.parse(new NodeClient(node).policies()));
    Iterator<Emission> lines =
        NoisePipeline.apply(
            World.create(WORLD).firstEvents(MAX_EVENTS), NOISE, WORLD.seed(), new NoiseCounters());
    double perSecond = shape.rate() > 0 ? shape.rate() * 1.05 : PREPARED_PER_SECOND;
    List<Emission> prepared = new ArrayList<>();
    while (prepared.size() < perSecond * duration.toSeconds() && lines.hasNext()) {
      prepared.add(lines.next());
    }
    List<Emission> sent = new ArrayList<>(prepared.size());
    SendStats stats = new SendStats();
    Pacer pacer = Pacer.of(shape.rate(), false);
    long generating = 0;
    ProcessCpu cpu = ProcessCpu.start(Map.of("node", nodePid));
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    double seconds;
    try (Progress progress = Progress.ofLoad(stats, duration);
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
          long before = System.nanoTime();
          line = lines.next();
          generating += System.nanoTime() - before;
        }
        sent.add(line);
        pacer.acquire();
        stats.sent(line instanceof MalformedLine, line instanceof ValidLine v && v.resend());
        emitter.send(line);
      }
      emitter.finish(ACK_TIMEOUT);
      seconds = (System.nanoTime() - started) / 1e9;
    }
    ProcessCpu.Use use = cpu.stop();
    if (stats.failure() != null) {
      throw new IOException("the load failed: " + stats.failure());
    }
    ValidLine.eventsOf(sent, truth::accept);
    var latency = stats.latencySnapshot();
    boolean asExpected =
        stats.unacknowledged() + stats.validRejected() + stats.malformedNotRejected() == 0
            && stats.rejected() == stats.malformedSent()
            && stats.accepted() + stats.duplicates() + stats.rejected() == stats.sent();
    Run run =
        new Run(
            stats.sent(),
            stats.accepted(),
            stats.duplicates(),
            stats.rejected(),
            seconds,
            generating / 1e9,
            latency.getValueAtPercentile(50) / 1000.0,
            latency.getValueAtPercentile(99) / 1000.0,
            latency.getMaxValue() / 1000.0,
            asExpected,
            use);
    return new Outcome(run, truth);
  }

  /** Compares every golden record the run touched with ground truth: mismatches found. */
  public static long check(URI node, GroundTruth truth) throws InterruptedException {
    CheckReport report =
        new Checker(new NodeClient(node), Duration.ofSeconds(2))
            .check(truth, Duration.ofSeconds(10));
    if (report.mismatches() > 0) {
      ScenarioContext.say(
          "%d mismatches, first: %s", report.mismatches(), report.firstMismatches());
    }
    return report.mismatches();
  }
}
