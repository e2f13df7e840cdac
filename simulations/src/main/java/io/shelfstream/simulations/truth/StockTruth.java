package io.shelfstream.simulations.truth;

import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.EventRef;
import io.shelfstream.simulations.event.SimEvent.Movement;
import io.shelfstream.simulations.event.StockKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Expected state of one (location, sku). Movements at or before the count horizon can never apply
 * again, so they are dropped: memory stays bounded by the movements since the newest count, and a
 * redelivered old movement is dropped as well, which is why only newer ones need their ids.
 */
final class StockTruth {

  private final Selection<Long> counts;
  private final Comparator<Stamp> order;
  private final Map<EventRef, Movement> movements = new HashMap<>();
  private Instant horizon;

  StockTruth(Policies policies) {
    this.counts = policies.inventoryOnHand().newSelection(policies.sourceRanking());
    this.order = policies.sourceRanking().lastWriteWins();
  }

  void accept(Count count) {
    counts.offer(new Candidate<>(count.onHand(), Stamp.of(count)));
    Instant newHorizon = counts.horizon();
    if (horizon == null || newHorizon.isAfter(horizon)) {
      horizon = newHorizon;
      movements.values().removeIf(movement -> !isAfterHorizon(movement));
    }
  }

  void accept(Movement movement) {
    if (isAfterHorizon(movement)) {
      movements.putIfAbsent(movement.ref(), movement);
    }
  }

  ExpectedStock expected(StockKey key) {
    Candidate<Long> baseline = counts.chosen();
    long onHand = baseline == null ? 0 : baseline.value();
    long applied = 0;
    Stamp lastMovement = null;
    for (Movement movement : movements.values()) {
      Stamp stamp = Stamp.of(movement);
      if (baseline == null || stamp.isAfter(baseline.stamp())) {
        onHand += movement.delta();
        applied++;
        if (lastMovement == null || order.compare(stamp, lastMovement) > 0) {
          lastMovement = stamp;
        }
      }
    }
    ChosenCount count =
        baseline == null ? null : new ChosenCount(baseline.stamp(), baseline.value());
    return new ExpectedStock(key, onHand, count, applied, lastMovement);
  }

  private boolean isAfterHorizon(Movement movement) {
    return horizon == null || movement.occurredAt().toInstant().isAfter(horizon);
  }
}
