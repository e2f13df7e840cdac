package io.shelfstream.simulations.noise;

import java.util.Iterator;
import java.util.SplittableRandom;

/** Moves a share of the items later in the stream, by at most {@code window} positions. */
final class OutOfOrder<T> extends Stage<T, T> {

  private final DelayBuffer<T> delayed = new DelayBuffer<>();
  private final SplittableRandom random;
  private final int percent;
  private final int window;
  private final NoiseCounters counters;
  private long position;

  OutOfOrder(
      Iterator<? extends T> upstream,
      int percent,
      int window,
      SplittableRandom random,
      NoiseCounters counters) {
    super(upstream);
    this.percent = percent;
    this.window = window;
    this.random = random;
    this.counters = counters;
  }

  @Override
  protected void onItem(T item) {
    position++;
    delayed.releaseDue(position, this::emit);
    if (random.nextInt(100) < percent) {
      counters.reordered++;
      delayed.hold(item, position + 1 + random.nextInt(window));
    } else {
      emit(item);
    }
  }

  @Override
  protected void onEnd() {
    delayed.releaseAll(this::emit);
  }
}
