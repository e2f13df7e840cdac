package io.shelfstream.engine.store;

import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.serialization.CborSerializable;
import java.util.Map;

/** The golden record of one store; {@code provenance} is keyed by field name. */
public record StoreView(
    String storeId,
    String name,
    String address,
    String timezone,
    String status,
    long version,
    Map<String, Stamp> provenance)
    implements CborSerializable {

  public StoreView {
    provenance = Map.copyOf(provenance);
  }
}
