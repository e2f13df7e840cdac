package io.shelfstream.protocols.event;

import java.time.OffsetDateTime;
import java.util.Map;

/** New values for some of a store's master-data fields; fields not present are untouched. */
public record StoreUpdate(
    String eventId,
    String source,
    OffsetDateTime occurredAt,
    String storeId,
    Map<StoreField, String> fields)
    implements RetailEvent {

  public StoreUpdate {
    fields = Map.copyOf(fields);
  }

  @Override
  public String entityId() {
    return storeId;
  }
}
