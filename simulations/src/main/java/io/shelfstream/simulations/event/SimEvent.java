package io.shelfstream.simulations.event;

import java.time.OffsetDateTime;

/**
 * A canonical event of the simulated world, independent of any wire format. Emitters turn it into
 * NDJSON lines (or other formats later); ground truth consumes it directly.
 */
public sealed interface SimEvent permits StockEvent, StoreUpdate {

  String eventId();

  String source();

  OffsetDateTime occurredAt();

  /** The entity the event belongs to: a locationId for stock events, a storeId for store events. */
  String routingKey();

  default EventRef ref() {
    return new EventRef(source(), eventId());
  }
}
