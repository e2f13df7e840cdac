package io.shelfstream.protocols.event;

import java.time.OffsetDateTime;

/**
 * An absolute count of the units on hand, as seen by {@code source} at {@code occurredAt}. {@code
 * reserved} (units on hand promised to orders) and {@code inTransit} (units on their way to the
 * location) are null when the count does not give them.
 */
public record StockCount(
    String eventId,
    String source,
    OffsetDateTime occurredAt,
    InventoryKey key,
    long onHand,
    Long reserved,
    Long inTransit)
    implements InventoryEvent {

  /** A count of the units on hand only. */
  public StockCount(
      String eventId, String source, OffsetDateTime occurredAt, InventoryKey key, long onHand) {
    this(eventId, source, occurredAt, key, onHand, null, null);
  }
}
