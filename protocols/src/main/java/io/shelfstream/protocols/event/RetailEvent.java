package io.shelfstream.protocols.event;

import java.time.OffsetDateTime;

/**
 * A canonical event, whatever wire format it came in. {@code (source, eventId)} identifies it;
 * {@code occurredAt} is the source's own time, with the source's offset.
 */
public sealed interface RetailEvent permits InventoryEvent, StoreUpdate, DemandSignal {
  String eventId();

  String source();

  OffsetDateTime occurredAt();

  /** The id of the golden record this event belongs to. */
  String entityId();
}
