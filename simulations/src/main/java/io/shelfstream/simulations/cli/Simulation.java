package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.check.CheckReport;
import io.shelfstream.simulations.check.Checker;
import io.shelfstream.simulations.check.NodeClient;
import io.shelfstream.simulations.emit.Emitter;
import io.shelfstream.simulations.emit.FileEmitter;
import io.shelfstream.simulations.emit.HttpBatchEmitter;
import io.shelfstream.simulations.emit.HttpStreamEmitter;
import io.shelfstream.simulations.emit.KafkaEmitter;
import io.shelfstream.simulations.emit.MixedEmitter;
import io.shelfstream.simulations.emit.Pacer;
import io.shelfstream.simulations.emit.SendStats;
import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.MalformedLine;
import io.shelfstream.simulations.noise.NoiseCounters;
import io.shelfstream.simulations.noise.NoisePipeline;
import io.shelfstream.simulations.noise.ValidLine;
import io.shelfstream.simulations.truth.GroundTruth;
import io.shelfstream.simulations.truth.Policies;
import io.shelfstream.simulations.truth.PoliciesJson;
import io.shelfstream.simulations.truth.TruthJson;
import io.shelfstream.simulations.world.World;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.stream.StreamSupport;

/**
 * One run: generate the world, add noise, send every line while feeding ground truth with the valid
 * ones, wait for the acknowledgements, then check every golden record.
 */
final class Simulation {

  private static final Duration ACK_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration RECHECK_INTERVAL = Duration.ofSeconds(2);

  private final Options options;
  private final PrintStream err;
  private final SendStats stats = new SendStats();
  private final NoiseCounters noise = new NoiseCounters();
  private volatile String phase = "sending";
  private volatile Checker checker;
  private volatile long checkTotal;

  Simulation(Options options, PrintStream err) {
    this.options = options;
    this.err = err;
  }

  RunSummary run() throws IOException, InterruptedException {
    GroundTruth truth = new GroundTruth(policies());
    World world = World.create(options.world());
    Iterator<SimEvent> events =
        options.events() != null ? world.firstEvents(options.events()) : world.events();
    LongAdder worldEvents = new LongAdder(); // the world's events before noise, read by others
    Iterator<Emission> lines =
        NoisePipeline.apply(
            StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, 0), false)
                .peek(event -> worldEvents.increment())
                .iterator(),
            options.noise(),
            options.malformedKinds(),
            options.world().seed(),
            noise);
    List<Emission> prepared = null;
    if (options.prepare()) {
      long generating = System.nanoTime();
      prepared = new ArrayList<>();
      lines.forEachRemaining(prepared::add);
      lines = prepared.iterator();
      err.printf(
          "simulate: every line generated before sending (--prepare) in %.1f s%n",
          (System.nanoTime() - generating) / 1e9);
    }
    List<Emission> all = prepared;
    Long size = options.events();
    DoubleSupplier done =
        all != null
            ? () -> (double) stats.sent() / Math.max(1, all.size())
            : size != null ? () -> (double) worldEvents.sum() / size : () -> Double.NaN;
    Pacer pacer = Pacer.of(options.rate(), options.burst());
    long started = System.nanoTime();
    boolean acknowledged;
    CheckReport report = null;
    try (Progress progress =
            new Progress(
                err,
                Progress.stderrLooksLikeATerminal(),
                new ProgressLine(stats, this::phaseText, done)::next);
        Emitter emitter = emitter()) {
      acknowledged = emitter.acknowledgesLines();
      int sent = 0;
      while (stats.failure() == null && lines.hasNext()) {
        Emission line = lines.next();
        pacer.acquire();
        boolean resend = false;
        if (line instanceof ValidLine valid) {
          if (prepared == null) {
            truth.accept(valid.event());
          }
          resend = valid.resend();
        }
        stats.sent(line instanceof MalformedLine, resend);
        emitter.send(line);
        sent++;
      }
      phase = "waiting for acknowledgements";
      emitter.finish(ACK_TIMEOUT);
      double elapsed = (System.nanoTime() - started) / 1e9;
      if (prepared != null) {
        // after the clock, and only for what was sent: a run that failed sent fewer lines
        ValidLine.eventsOf(prepared.subList(0, sent), truth::accept);
      }
      if (options.truthFile() != null) {
        TruthJson.write(truth, options.truthFile());
      }
      if (options.sendsToNode() && stats.failure() == null) {
        checkTotal = truth.inventoryRecords() + truth.storeRecords();
        checker = new Checker(new NodeClient(options.target(), options.bearer()), RECHECK_INTERVAL);
        phase = "checking";
        report = checker.check(truth, options.settleTimeout());
      }
      return RunSummary.of(
          options, stats, noise, worldEvents.sum(), elapsed, acknowledged, truth, report);
    }
  }

  private String phaseText() {
    Checker current = checker;
    return current == null
        ? phase
        : phase + " " + current.fetched() + "/" + checkTotal + " records";
  }

  private Policies policies() throws IOException, InterruptedException {
    if (options.policiesFile() != null) {
      return PoliciesJson.parse(Files.readString(options.policiesFile()));
    }
    if (options.target() != null) {
      try {
        return PoliciesJson.parse(new NodeClient(options.target(), options.bearer()).policies());
      } catch (IOException e) {
        throw new IOException(
            "cannot read the policies of " + options.target() + ": " + e.getMessage(), e);
      }
    }
    return Policies.defaults();
  }

  private Emitter emitter() throws IOException {
    if (options.out() != null) {
      return new FileEmitter(options.out(), stats);
    }
    if (options.viaKafka()) {
      return new KafkaEmitter(options.kafkaBootstrap(), options.kafkaTopic(), stats);
    }
    return switch (options.mode()) {
      case BATCH ->
          new HttpBatchEmitter(
              options.target(), options.batch(), options.tills(), stats, options.bearer());
      case STREAM ->
          new HttpStreamEmitter(options.target(), options.tills(), stats, options.bearer());
      case MIXED ->
          new MixedEmitter(
              options.target(), options.tills(), options.batch(), stats, options.bearer());
    };
  }
}
