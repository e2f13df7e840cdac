package io.shelfstream.simulations.event;

import java.time.OffsetDateTime;

/** An absolute stock count: what was physically on hand at {@code occurredAt}. */
public record Count(
    String eventId, String source, OffsetDateTime occurredAt, StockKey key, long onHand)
    implements StockEvent {}
