package io.shelfstream.simulations.noise;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.Movement;
import io.shelfstream.simulations.event.StockKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Holds a share of the movements back until a newer count of the same (location, sku) has gone out,
 * as a till that was offline during a stock count would. Those movements lie at or before the new
 * baseline, so the node must record them without applying them. Memory is bounded: past {@code
 * holdLimit} held events, the oldest is released even if its count has not come yet.
 */
final class LateArrivals extends Stage<SimEvent, SimEvent> {

  private static final class Held {
    final Movement movement;
    boolean released;

    Held(Movement movement) {
      this.movement = movement;
    }
  }

  private final Map<StockKey, ArrayDeque<Held>> byKey = new HashMap<>();
  private final ArrayDeque<Held> oldestFirst = new ArrayDeque<>();
  private final SplittableRandom random;
  private final int percent;
  private final int holdLimit;
  private final NoiseCounters counters;
  private int holding;

  LateArrivals(
      Iterator<? extends SimEvent> upstream,
      int percent,
      int holdLimit,
      SplittableRandom random,
      NoiseCounters counters) {
    super(upstream);
    this.percent = percent;
    this.holdLimit = holdLimit;
    this.random = random;
    this.counters = counters;
  }

  @Override
  protected void onItem(SimEvent event) {
    if (event instanceof Movement movement && random.nextInt(100) < percent) {
      hold(movement);
      return;
    }
    emit(event);
    if (event instanceof Count count) {
      ArrayDeque<Held> waiting = byKey.remove(count.key());
      if (waiting != null) {
        waiting.forEach(this::release);
      }
    }
  }

  @Override
  protected void onEnd() {
    oldestFirst.forEach(
        held -> {
          if (!held.released) {
            release(held);
          }
        });
    oldestFirst.clear();
    byKey.clear();
  }

  private void hold(Movement movement) {
    Held held = new Held(movement);
    byKey.computeIfAbsent(movement.key(), key -> new ArrayDeque<>()).add(held);
    oldestFirst.add(held);
    holding++;
    counters.heldLate++;
    // released entries stay queued until they reach the head: bound the queue itself as well
    while (holding > holdLimit || oldestFirst.size() > 2 * holdLimit) {
      Held oldest = oldestFirst.poll();
      if (!oldest.released) {
        ArrayDeque<Held> sameKey = byKey.get(oldest.movement.key());
        sameKey.remove(oldest);
        if (sameKey.isEmpty()) {
          byKey.remove(oldest.movement.key());
        }
        release(oldest);
      }
    }
    // forget released entries at the head, so the queue does not grow with released items
    while (!oldestFirst.isEmpty() && oldestFirst.peek().released) {
      oldestFirst.poll();
    }
  }

  private void release(Held held) {
    held.released = true;
    holding--;
    emit(held.movement);
  }
}
