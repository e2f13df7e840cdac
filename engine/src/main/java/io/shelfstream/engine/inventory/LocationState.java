package io.shelfstream.engine.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.shelfstream.engine.dedupe.FingerprintSet;
import io.shelfstream.engine.dedupe.IdMemory;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.serialization.CborSerializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * The inventory records of one location, by SKU. Mutable, as is each SKU's {@link InventoryState},
 * so that an event changes one record in place rather than copying it. Only its entity's actor
 * touches it: replies carry views, and a snapshot is a copy taken on the actor's thread ({@link
 * #SNAPSHOTS}) before the snapshot store serializes it on its own.
 */
public final class LocationState implements CborSerializable {
  private static final int MIN_INDEX_REBUILD = 1024;

  /**
   * The state before any event, which every incarnation of every inventory entity starts from: it
   * is never written to ({@link #writable}). One that events were applied to would carry a failed
   * incarnation's events into the next, which recovers its journal on top of them.
   */
  public static final LocationState NONE = new LocationState(Map.of(), false);

  private final Map<String, InventoryState> bySku;

  /**
   * Every id a record remembers, plus some it has forgotten since the last rebuild, as fingerprints
   * of (record, event id). A record's memory is a list scanned per lookup; this set answers the
   * common case, an id never seen, at once, and a maybe is confirmed by the record. Rebuilt from
   * the records once it holds twice what they remember, so it stays bounded and costs O(1) per
   * event on average. A fingerprint is a long in an array, not an object per id: no garbage, and
   * nothing for the collector to trace among a location's hundreds of thousands of ids.
   */
  private final FingerprintSet index = new FingerprintSet();

  private int rebuildIndexAt;

  /** Events applied since the last snapshot (the one recovered from, or since started). */
  private long eventsSinceSnapshot;

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

  /** This state to apply events to: a new one in place of {@link #NONE}. */
  public LocationState writable() {
    return this == NONE ? new LocationState() : this;
  }

  /** The records of a location as a snapshot holds them. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static LocationState snapshot(Map<String, InventoryState> bySku) {
    return new LocationState(bySku, false);
  }

  /** A copy that shares nothing mutable with this state. */
  private static Map<String, InventoryState> copyOf(Map<String, InventoryState> bySku) {
    Map<String, InventoryState> copy = new HashMap<>(bySku.size() * 4 / 3 + 1);
    bySku.forEach((sku, record) -> copy.put(sku, record.copy()));
    return copy;
  }

  /** The record of {@code sku}, to read; empty if no event of it was applied. */
  public InventoryState sku(String sku) {
    InventoryState record = bySku.get(sku);
    return record != null ? record : new InventoryState();
  }

  public int skuCount() {
    return bySku.size();
  }

  /**
   * Whether the record of {@code sku} applied {@code (source, eventId)} at {@code epochMilli}, as
   * far as its memory can tell (see {@link InventoryState#recall}).
   */
  public IdMemory.Recall recall(String sku, String source, String eventId, long epochMilli) {
    InventoryState record = bySku.get(sku);
    if (record == null) {
      return IdMemory.Recall.NEW;
    }
    if (index.mightContain(fingerprint(record, eventId))) {
      return record.recall(source, eventId, epochMilli);
    }
    // the index holds every id the record remembers: only a forgotten one can have been seen
    return epochMilli > record.forgottenThrough()
        ? IdMemory.Recall.NEW
        : IdMemory.Recall.FORGOTTEN_OR_NEW;
  }

  /** Whether the record of {@code sku} remembers {@code (source, eventId)}. */
  public boolean hasSeen(String sku, String source, String eventId) {
    InventoryState record = bySku.get(sku);
    return record != null
        && index.mightContain(fingerprint(record, eventId))
        && record.hasSeen(source, eventId);
  }

  public LocationState apply(LocationInventory.Event event, GoldenRecordSettings settings) {
    if (this == NONE) {
      throw new IllegalStateException("LocationState.NONE is shared: apply to writable()");
    }
    InventoryState record =
        bySku.computeIfAbsent(event.sku(), ignored -> new InventoryState()).apply(event, settings);
    index.add(fingerprint(record, event.stamp().eventId()));
    if (index.size() > rebuildIndexAt) {
      rebuildIndex();
    }
    eventsSinceSnapshot++;
    return this;
  }

  long eventsSinceSnapshot() {
    return eventsSinceSnapshot;
  }

  /** A snapshot of this state was stored, or failed and is to be tried again later. */
  void restartSnapshotCount() {
    if (this != NONE) {
      eventsSinceSnapshot = 0;
    }
  }

  private void rebuildIndex() {
    index.clear();
    bySku
        .values()
        .forEach(
            record ->
                record.forEachRemembered(
                    (source, eventId) -> index.add(fingerprint(record, eventId))));
    rebuildIndexAt = Math.max(MIN_INDEX_REBUILD, 2 * index.size());
  }

  /** The record by identity (its place in memory's hash) and the id; the record confirms a hit. */
  private static long fingerprint(InventoryState record, String eventId) {
    return ((long) System.identityHashCode(record) << 32) | (eventId.hashCode() & 0xFFFFFFFFL);
  }

  /** Every record, by SKU; read only. */
  @JsonValue
  public Map<String, InventoryState> bySku() {
    return Collections.unmodifiableMap(bySku);
  }

  public static final SnapshotAdapter<LocationState> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(LocationState state) {
          return snapshot(copyOf(state.bySku));
        }

        @Override
        public LocationState fromJournal(Object from) {
          return new LocationState(copyOf(((LocationState) from).bySku), true);
        }
      };
}
