package io.shelfstream.protocols.event;

import java.util.Objects;

/** A SKU at a location: the key of one inventory golden record. */
public record InventoryKey(String locationId, String sku) {
  /**
   * Separates the parts of an entity id; identifiers never contain it (see {@link Identifiers}).
   */
  public static final char SEPARATOR = '|';

  public InventoryKey {
    Objects.requireNonNull(locationId, "locationId");
    Objects.requireNonNull(sku, "sku");
  }

  public String entityId() {
    return locationId + SEPARATOR + sku;
  }

  public static InventoryKey fromEntityId(String entityId) {
    int at = entityId.indexOf(SEPARATOR);
    if (at < 0) {
      throw new IllegalArgumentException("not an inventory entity id: " + entityId);
    }
    return new InventoryKey(entityId.substring(0, at), entityId.substring(at + 1));
  }

  @Override
  public String toString() {
    return entityId();
  }
}
