package io.shelfstream.simulations.event;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** A store master-data event carrying one or more fields. */
public record StoreUpdate(
    String eventId,
    String source,
    OffsetDateTime occurredAt,
    String storeId,
    Map<StoreField, String> fields)
    implements SimEvent {

  public StoreUpdate {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a store update carries at least one field");
    }
    // EnumMap keeps the fields in declaration order, so encoding is deterministic
    fields = Collections.unmodifiableMap(new EnumMap<>(fields));
  }

  @Override
  public String routingKey() {
    return storeId;
  }
}
