package io.shelfstream.simulations.event;

import java.time.OffsetDateTime;

/** A customer return put back on hand. */
public record Return(
    String eventId, String source, OffsetDateTime occurredAt, StockKey key, long qty)
    implements Movement {

  @Override
  public long delta() {
    return qty;
  }
}
