package io.shelfstream.bench.load;

import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.simulations.check.CheckReport;
import io.shelfstream.simulations.check.Checker;
import io.shelfstream.simulations.check.NodeClient;
import io.shelfstream.simulations.emit.Bearer;
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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulator as a library: its world, through its noise, into its HTTP batch emitter; then its
 * checker compares every golden record the run touched with the ground truth of the lines sent. The
 * lines are generated before the clock starts (about 18 µs of CPU each, on the cores the node
 * shares), as COPY's rows are exported before COPY is timed.
 */
public final class SimulatedLoad {
  private static final Bearer BEARER = new Bearer(Optional.of(Node.ADMIN_TOKEN));

  /** 15 stores and 500 SKUs (and warehouses): about 9,000 golden records in about 20 entities. */
  public static final WorldSpec WORLD =
      new WorldSpec(2026, 15, 500, WorldSpec.UNBOUNDED, LocalDate.of(2026, 1, 1));

  /** Duplicates, reordering and malformed lines, as tills send them. */
  public static final NoiseSpec NOISE = NoiseSpec.of(3, 1, 10, 0, 0);

  /** 8 senders of 250-line batches (rate 0: as fast as the node answers). */
  public static final Shape SATURATION = new Shape(8, 250, 0);

  private static final long PREPARED_PER_SECOND = 80_000;

  public record Shape(int senders, int batchLines, double linesPerSecond) {}

  /**
   * A finished run: {@code seconds} from the first line sent to the last acknowledgement; {@code
   * generatingSeconds} spent in it generating lines beyond those prepared; acks as expected when
   * every malformed line was rejected and no valid one, and none was left unanswered.
   */
  public record Run(
      long acceptedEvents,
      double seconds,
      double eventsPerSecond,
      double ackP50Ms,
      double ackP99Ms,
      double ackMaxMs,
      boolean acksAsExpected,
      long mismatches,
      double generatingSeconds,
      Map<String, Double> cpuCores,
      double postgresCpuSeconds) {}

  private SimulatedLoad() {}

  public static Run run(URI node, long nodePid, Shape shape, Duration duration)
      throws IOException, InterruptedException {
    Iterator<Emission> lines =
        NoisePipeline.apply(
            World.create(WORLD).firstEvents(20_000_000), NOISE, WORLD.seed(), new NoiseCounters());
    double perSecond = shape.linesPerSecond() > 0 ? shape.linesPerSecond() : PREPARED_PER_SECOND;
    List<Emission> sent = new ArrayList<>();
    while (sent.size() < perSecond * 1.05 * duration.toSeconds()) {
      sent.add(lines.next());
    }
    Iterator<Emission> prepared = List.copyOf(sent).iterator();
    sent.clear();
    long[] generating = {0};
    ProcessCpu cpu = ProcessCpu.start(Map.of("node", nodePid));
    long started = System.nanoTime();
    SendStats stats =
        send(
            node,
            shape,
            duration,
            () -> {
              long before = System.nanoTime();
              boolean ready = prepared.hasNext();
              Emission line = ready ? prepared.next() : lines.next();
              generating[0] += ready ? 0 : System.nanoTime() - before;
              sent.add(line);
              return line;
            },
            "load");
    double seconds = (System.nanoTime() - started) / 1e9;
    ProcessCpu.Use use = cpu.stop();
    GroundTruth truth =
        new GroundTruth(PoliciesJson.parse(new NodeClient(node, BEARER).policies()));
    ValidLine.eventsOf(sent, truth::accept);
    var latency = stats.latencySnapshot();
    return new Run(
        stats.accepted(),
        seconds,
        stats.accepted() / seconds,
        latency.getValueAtPercentile(50) / 1000.0,
        latency.getValueAtPercentile(99) / 1000.0,
        latency.getMaxValue() / 1000.0,
        stats.contradictions().isEmpty(),
        check(node, truth),
        generating[0] / 1e9,
        use.busyCores(),
        use.cpuSeconds().get(ProcessCpu.POSTGRES));
  }

  /**
   * Sends {@code next} lines through the simulator's batch emitter, paced to the shape's rate, for
   * {@code length}: the stats once every line is answered.
   */
  static SendStats send(
      URI node, Shape shape, Duration length, Supplier<Emission> next, String what)
      throws IOException, InterruptedException {
    SendStats stats = new SendStats();
    Pacer pacer = Pacer.of(shape.linesPerSecond(), false);
    long started = System.nanoTime();
    try (var progress =
            ScenarioContext.every10Seconds(
                () ->
                    String.format(
                        "%s: %,d lines accepted in %.0f s of %d",
                        what,
                        stats.accepted(),
                        (System.nanoTime() - started) / 1e9,
                        length.toSeconds()));
        var emitter =
            new HttpBatchEmitter(node, shape.batchLines(), shape.senders(), stats, BEARER)) {
      while (stats.failure() == null && System.nanoTime() - started < length.toNanos()) {
        Emission line = next.get();
        pacer.acquire();
        stats.sent(line instanceof MalformedLine, line instanceof ValidLine v && v.resend());
        emitter.send(line);
      }
      emitter.finish(Duration.ofMinutes(5));
    }
    if (stats.failure() != null) {
      throw new IOException(what + " failed: " + stats.failure());
    }
    return stats;
  }

  /** Compares every golden record the truth knows with the node's: the mismatches. */
  public static long check(URI node, GroundTruth truth) throws InterruptedException {
    CheckReport report =
        new Checker(new NodeClient(node, BEARER), Duration.ofSeconds(2))
            .check(truth, Duration.ofSeconds(10));
    if (report.mismatches() > 0) {
      ScenarioContext.say(
          "%d mismatches, first: %s", report.mismatches(), report.firstMismatches());
    }
    return report.mismatches();
  }
}
