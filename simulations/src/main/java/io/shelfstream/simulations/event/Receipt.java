package io.shelfstream.simulations.event;

import java.time.OffsetDateTime;

/** Goods received at a location from a shipment. */
public record Receipt(
    String eventId, String source, OffsetDateTime occurredAt, StockKey key, long qty)
    implements Movement {

  @Override
  public long delta() {
    return qty;
  }
}
