package io.shelfstream.protocols.event;

import java.time.OffsetDateTime;

/** An absolute count of the units on hand, as seen by {@code source} at {@code occurredAt}. */
public record StockCount(
    String eventId, String source, OffsetDateTime occurredAt, InventoryKey key, long onHand)
    implements InventoryEvent {}
