package io.shelfstream.protocols.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A sale, return, receipt or adjustment. {@code qty} is as sent: positive for all kinds but
 * adjustments, which are signed. {@code unitPrice}, {@code channel} and {@code sale} come with
 * sales, {@code reason} with adjustments; absent ones are null ({@code sale} is null when the sale
 * gives none of its details).
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
    String reason,
    SaleDetails sale)
    implements InventoryEvent {

  /** A movement without sale details. */
  public StockMovement(
      String eventId,
      String source,
      OffsetDateTime occurredAt,
      InventoryKey key,
      MovementKind kind,
      long qty,
      BigDecimal unitPrice,
      String channel,
      String reason) {
    this(eventId, source, occurredAt, key, kind, qty, unitPrice, channel, reason, null);
  }

  public long delta() {
    return kind.delta(qty);
  }
}
