package io.shelfstream.simulations.noise;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.wire.PosLineEncoder;
import java.util.Iterator;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns the world's events into the lines actually sent: contradictions are added first, then late
 * and out-of-order delivery reorder events, then lines are encoded, re-sent and broken. Each stage
 * has its own random stream derived from the seed, so a knob changes only its own effect. Ground
 * truth is computed from what comes out, never from what went in.
 */
public final class NoisePipeline {

  private NoisePipeline() {}

  /** Noise for HTTP: every malformed kind. */
  public static Iterator<Emission> apply(
      Iterator<SimEvent> world, NoiseSpec spec, long seed, NoiseCounters counters) {
    return apply(world, spec, MalformedKind.all(), seed, counters);
  }

  /**
   * @param malformedKinds the kinds broken lines are drawn from: those the transport makes invalid
   */
  public static Iterator<Emission> apply(
      Iterator<SimEvent> world,
      NoiseSpec spec,
      Set<MalformedKind> malformedKinds,
      long seed,
      NoiseCounters counters) {
    Iterator<SimEvent> events = world;
    if (spec.conflictsPercent() > 0) {
      events = new ConflictingSources(events, spec.conflictsPercent(), random(seed, 1), counters);
    }
    if (spec.latePercent() > 0) {
      events =
          new LateArrivals(
              events, spec.latePercent(), spec.lateHoldLimit(), random(seed, 2), counters);
    }
    if (spec.outOfOrderPercent() > 0) {
      events =
          Delay.outOfOrder(
              events, spec.outOfOrderPercent(), spec.reorderWindow(), random(seed, 3), counters);
    }
    Iterator<Emission> lines = encoded(events);
    if (spec.duplicatesPercent() > 0) {
      lines =
          Delay.duplicates(
              lines, spec.duplicatesPercent(), spec.duplicateWindow(), random(seed, 4), counters);
    }
    if (spec.malformedPercent() > 0) {
      lines =
          new MalformedInjection(
              lines, spec.malformedPercent(), malformedKinds, random(seed, 5), counters);
    }
    return lines;
  }

  private static Iterator<Emission> encoded(Iterator<SimEvent> events) {
    PosLineEncoder encoder = new PosLineEncoder();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return events.hasNext();
      }

      @Override
      public Emission next() {
        SimEvent event = events.next();
        return new ValidLine(event, encoder.encode(event), false);
      }
    };
  }

  private static SplittableRandom random(long seed, int stage) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stage);
  }
}
