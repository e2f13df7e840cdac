package io.shelfstream.engine.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.shelfstream.engine.record.GoldenRecordSettings;
import io.shelfstream.engine.serialization.CborSerializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * The inventory records of one location, by SKU. The map is mutable, so that an event costs one put
 * rather than a copy of every SKU of the location; each SKU's {@link InventoryState} stays
 * immutable. Only its entity's actor touches it: replies carry views, and a snapshot is a copy
 * taken on the actor's thread ({@link #SNAPSHOTS}) before the snapshot store serializes it on its
 * own.
 */
public final class LocationState implements CborSerializable {
  private static final int MIN_INDEX_REBUILD = 1024;

  private final Map<String, InventoryState> bySku;

  /**
   * Every id a record remembers, plus some it has forgotten since the last rebuild. A record's
   * memory is a list scanned per lookup; this set answers the common case, an id never seen, at
   * once, and a hit is confirmed by the record. Rebuilt from the records once it holds twice what
   * they remember, so it stays bounded and costs O(1) per event on average.
   */
  private final Set<RecordedId> index = new HashSet<>();

  private int rebuildIndexAt;

  private record RecordedId(String sku, String source, String eventId) {}

  public LocationState() {
    this(new HashMap<>(), true);
  }

  /** {@code live}: events will be applied to it; otherwise it only carries a snapshot. */
  private LocationState(Map<String, InventoryState> bySku, boolean live) {
    this.bySku = bySku;
    if (live) {
      rebuildIndex();
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static LocationState snapshot(Map<String, InventoryState> bySku) {
    return new LocationState(Map.copyOf(bySku), false);
  }

  /** The record of {@code sku}; empty if no event of it was applied. */
  public InventoryState sku(String sku) {
    return bySku.getOrDefault(sku, InventoryState.EMPTY);
  }

  public int skuCount() {
    return bySku.size();
  }

  /** Whether the record of {@code sku} remembers {@code (source, eventId)}. */
  public boolean hasSeen(String sku, String source, String eventId) {
    return index.contains(new RecordedId(sku, source, eventId))
        && sku(sku).hasSeen(source, eventId);
  }

  public LocationState apply(LocationInventory.Event event, GoldenRecordSettings settings) {
    bySku.put(event.sku(), sku(event.sku()).apply(event, settings));
    index.add(new RecordedId(event.sku(), event.stamp().source(), event.stamp().eventId()));
    if (index.size() > rebuildIndexAt) {
      rebuildIndex();
    }
    return this;
  }

  private void rebuildIndex() {
    index.clear();
    bySku.forEach(
        (sku, record) ->
            record.forEachRemembered(
                (source, eventId) -> index.add(new RecordedId(sku, source, eventId))));
    rebuildIndexAt = Math.max(MIN_INDEX_REBUILD, 2 * index.size());
  }

  @JsonValue
  Map<String, InventoryState> bySku() {
    return bySku;
  }

  public static final SnapshotAdapter<LocationState> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(LocationState state) {
          return snapshot(state.bySku);
        }

        @Override
        public LocationState fromJournal(Object from) {
          return new LocationState(new HashMap<>(((LocationState) from).bySku), true);
        }
      };
}
