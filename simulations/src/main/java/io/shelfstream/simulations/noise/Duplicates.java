package io.shelfstream.simulations.noise;

import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * Re-sends a share of the valid lines, byte for byte, between 1 and {@code window} lines after the
 * original: as a till that retries after a lost acknowledgement would.
 */
final class Duplicates extends Stage<Emission, Emission> {

  private final DelayBuffer<Emission> resends = new DelayBuffer<>();
  private final SplittableRandom random;
  private final int percent;
  private final int window;
  private final NoiseCounters counters;
  private long position;

  Duplicates(
      Iterator<? extends Emission> upstream,
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
  protected void onItem(Emission item) {
    position++;
    resends.releaseDue(position, this::emit);
    emit(item);
    if (item instanceof ValidLine line && random.nextInt(100) < percent) {
      counters.resent++;
      resends.hold(line.asResend(), position + 1 + random.nextInt(window));
    }
  }

  @Override
  protected void onEnd() {
    resends.releaseAll(this::emit);
  }
}
