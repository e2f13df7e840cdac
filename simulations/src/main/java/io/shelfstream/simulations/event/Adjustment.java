package io.shelfstream.simulations.event;

import java.time.OffsetDateTime;

/** A signed stock correction with its reason (shrink, damage, correction, transfer). */
public record Adjustment(
    String eventId, String source, OffsetDateTime occurredAt, StockKey key, long qty, String reason)
    implements Movement {

  @Override
  public long delta() {
    return qty;
  }
}
