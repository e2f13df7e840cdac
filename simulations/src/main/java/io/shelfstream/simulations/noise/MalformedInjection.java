package io.shelfstream.simulations.noise;

import java.util.Iterator;
import java.util.Set;
import java.util.SplittableRandom;

/** Puts a broken line in front of a share of the lines; the kinds are drawn uniformly. */
final class MalformedInjection extends Stage<Emission, Emission> {

  private final MalformedKind[] kinds;
  private final MalformedLines lines = new MalformedLines();
  private final SplittableRandom random;
  private final int percent;
  private final NoiseCounters counters;
  private long nextId = 1;

  MalformedInjection(
      Iterator<? extends Emission> upstream,
      int percent,
      Set<MalformedKind> kinds,
      SplittableRandom random,
      NoiseCounters counters) {
    super(upstream);
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("malformed lines need at least one kind to draw from");
    }
    // sorted, so that a seed gives the same stream whatever Set implementation was passed
    this.kinds = kinds.stream().sorted().toArray(MalformedKind[]::new);
    this.percent = percent;
    this.random = random;
    this.counters = counters;
  }

  @Override
  protected void onItem(Emission item) {
    if (item instanceof ValidLine valid && random.nextInt(100) < percent) {
      MalformedKind kind = kinds[random.nextInt(kinds.length)];
      byte[] bytes = lines.build(kind, valid.event(), "bad-" + nextId++);
      counters.malformed.merge(kind, 1L, Long::sum);
      emit(new MalformedLine(kind, bytes, valid.routingKey()));
    }
    emit(item);
  }

  @Override
  protected void onEnd() {}
}
