package io.shelfstream.engine.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.shelfstream.engine.record.GoldenRecordSettings;
import io.shelfstream.engine.serialization.CborSerializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * The inventory records of one location, by SKU. The map is mutable, so that an event costs one put
 * rather than a copy of every SKU of the location; each SKU's {@link InventoryState} stays
 * immutable. Only its entity's actor touches it: replies carry views, and a snapshot is a copy
 * taken on the actor's thread ({@link #SNAPSHOTS}) before the snapshot store serializes it on its
 * own.
 */
public final class LocationState implements CborSerializable {
  private final Map<String, InventoryState> bySku;

  public LocationState() {
    this(new HashMap<>());
  }

  // delegating: the JSON is the map itself (see @JsonValue), not an object with a bySku field
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  LocationState(Map<String, InventoryState> bySku) {
    this.bySku = bySku;
  }

  /** The record of {@code sku}; empty if no event of it was applied. */
  public InventoryState sku(String sku) {
    return bySku.getOrDefault(sku, InventoryState.EMPTY);
  }

  public int skuCount() {
    return bySku.size();
  }

  public LocationState apply(LocationInventory.Event event, GoldenRecordSettings settings) {
    bySku.put(event.sku(), sku(event.sku()).apply(event, settings));
    return this;
  }

  @JsonValue
  Map<String, InventoryState> bySku() {
    return bySku;
  }

  public static final SnapshotAdapter<LocationState> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(LocationState state) {
          return new LocationState(Map.copyOf(state.bySku));
        }

        @Override
        public LocationState fromJournal(Object from) {
          return new LocationState(new HashMap<>(((LocationState) from).bySku));
        }
      };
}
