package io.shelfstream.protocols.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A sale, return, receipt or adjustment. {@code qty} is as sent: positive for all kinds but
 * adjustments, which are signed. {@code unitPrice} and {@code channel} come with sales, {@code
 * reason} with adjustments; absent ones are null.
 */
public record StockMovement(
    String eventId,
    String source,
    OffsetDateTime occurredAt,
    InventoryKey key,
    MovementKind kind,
    long qty,
    BigDecimal unitPrice,
    String channel,
    String reason)
    implements InventoryEvent {

  public long delta() {
    return kind.delta(qty);
  }
}
