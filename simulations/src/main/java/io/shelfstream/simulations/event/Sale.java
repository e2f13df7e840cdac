package io.shelfstream.simulations.event;

import java.time.OffsetDateTime;

/**
 * A till sale line. {@code till} is not part of the wire contract: it travels as an extra field,
 * which the node must ignore.
 */
public record Sale(
    String eventId,
    String source,
    OffsetDateTime occurredAt,
    StockKey key,
    long qty,
    long unitPriceCents,
    String channel,
    String till)
    implements Movement {

  @Override
  public long delta() {
    return -qty;
  }
}
