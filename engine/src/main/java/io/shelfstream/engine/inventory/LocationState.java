package io.shelfstream.engine.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.shelfstream.engine.dedupe.FingerprintSet;
import io.shelfstream.engine.dedupe.IdMemory;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.entity.RecordStore;
import io.shelfstream.engine.serialization.CborSerializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * The inventory records of one location, by SKU. Mutable, as is each SKU's {@link InventoryState},
 * so that an event changes one record in place rather than copying it. Only its entity's actor
 * touches it: replies carry views, and a snapshot is a copy taken on the actor's thread ({@link
 * #SNAPSHOTS}) before the snapshot store serializes it on its own.
 *
 * <p>It holds the records used most recently, up to the location's share of the node's {@link
 * RecordBudget}; the others are in the record store, moved there by the journal entry that evicted
 * them ({@link #victims}, {@link #evict}). Their SKUs are kept as 64-bit fingerprints, so that a
 * record is loaded before an event is applied to it ({@link #mustLoad}, {@link #install}). Events
 * replayed for an evicted record at recovery wait, with their sequence numbers, until it is loaded:
 * its row already holds those up to the entry that evicted it.
 */
public final class LocationState implements CborSerializable {
  private static final int MIN_INDEX_REBUILD = 1024;

  /**
   * The state before any event, which every incarnation of every inventory entity starts from: it
   * is never written to ({@link #writable}). One that events were applied to would carry a failed
   * incarnation's events into the next, which recovers its journal on top of them.
   */
  public static final LocationState NONE = new LocationState(Map.of(), new FingerprintSet(), false);

  /** In the order they were last used, least recently first. */
  private final LinkedHashMap<String, InventoryState> bySku;

  private final FingerprintSet evicted;
  private final Map<String, List<Pending>> pending = new HashMap<>();

  /** An event replayed for a record that is in the record store. */
  private record Pending(long sequenceNr, LocationInventory.Event event) {}

  /** A record moved out of memory by a journal entry, written with it to the record store. */
  public record Evicted(String sku, InventoryState record) {}

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
    this(Map.of(), new FingerprintSet(), true);
  }

  /** {@code live}: events will be applied to it; otherwise it only carries a snapshot. */
  private LocationState(Map<String, InventoryState> bySku, FingerprintSet evicted, boolean live) {
    this.bySku = new LinkedHashMap<>(Math.max(16, bySku.size() * 4 / 3 + 1), 0.75f, true);
    this.bySku.putAll(bySku);
    this.evicted = evicted;
    if (live) {
      rebuildIndex();
    }
  }

  /** This state to apply events to: a new one in place of {@link #NONE}. */
  public LocationState writable() {
    return this == NONE ? new LocationState() : this;
  }

  /** The records of a location as a snapshot written by jackson-cbor holds them: all in memory. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static LocationState snapshot(Map<String, InventoryState> bySku) {
    return new LocationState(bySku, new FingerprintSet(), false);
  }

  /** The records in memory, and the fingerprints of the SKUs in the record store, as a snapshot. */
  public static LocationState snapshot(Map<String, InventoryState> bySku, FingerprintSet evicted) {
    return new LocationState(bySku, evicted, false);
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

  /** How many records are in memory. */
  public int skuCount() {
    return bySku.size();
  }

  /** The fingerprints of the SKUs whose records were moved to the record store; read only. */
  public FingerprintSet evictedSkus() {
    return evicted;
  }

  /** Whether the record of {@code sku} is to be loaded from the record store before use. */
  public boolean mustLoad(String sku) {
    return !bySku.containsKey(sku) && evicted.mightContain(skuFingerprint(sku));
  }

  /** The SKUs whose events wait, since recovery, for their record to be loaded. */
  public Set<String> awaitingLoad() {
    return Set.copyOf(pending.keySet());
  }

  /**
   * Puts the record of {@code sku} read back from the record store in memory ({@code row} null:
   * none was stored, the fingerprint matched another SKU's), with the events replayed for it since.
   */
  public void install(String sku, RecordStore.Row row, GoldenRecordSettings settings) {
    if (bySku.containsKey(sku)) {
      return;
    }
    InventoryState record =
        row == null ? new InventoryState() : LocationSnapshotSerializer.readRecord(row.state());
    long asOf = row == null ? 0 : row.asOf();
    for (Pending waiting : pending.getOrDefault(sku, List.of())) {
      if (waiting.sequenceNr() > asOf) {
        record.apply(waiting.event(), settings);
      }
    }
    pending.remove(sku);
    bySku.put(sku, record);
    record.forEachRemembered((source, eventId) -> index.add(fingerprint(record, eventId)));
  }

  /**
   * The records to move out of memory so that at most {@code keep} remain, least recently used
   * first, none of {@code inUse}. Nothing changes until {@link #evict}.
   */
  public List<Evicted> victims(int keep, Set<String> inUse) {
    int over = bySku.size() - keep;
    if (over <= 0) {
      return List.of();
    }
    List<Evicted> victims = new ArrayList<>(over);
    for (Map.Entry<String, InventoryState> entry : bySku.entrySet()) {
      if (victims.size() == over) {
        break;
      }
      if (!inUse.contains(entry.getKey())) {
        victims.add(new Evicted(entry.getKey(), entry.getValue()));
      }
    }
    return victims;
  }

  /** Moves {@code victims} out of memory: the record store has them from now on. */
  public void evict(List<Evicted> victims) {
    for (Evicted victim : victims) {
      bySku.remove(victim.sku());
      evicted.add(skuFingerprint(victim.sku()));
    }
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

  /**
   * Applies {@code event}, of the journal entry {@code sequenceNr}, in place; an event of a record
   * in the record store (at recovery) waits until the record is loaded.
   */
  public LocationState apply(
      LocationInventory.Event event, long sequenceNr, GoldenRecordSettings settings) {
    if (this == NONE) {
      throw new IllegalStateException("LocationState.NONE is shared: apply to writable()");
    }
    if (mustLoad(event.sku())) {
      pending
          .computeIfAbsent(event.sku(), sku -> new ArrayList<>())
          .add(new Pending(sequenceNr, event));
      eventsSinceSnapshot++;
      return this;
    }
    return apply(event, settings);
  }

  /** Applies {@code event} to a record in memory (or a new one). */
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

  static long skuFingerprint(String sku) {
    long hash =
        0xcbf29ce484222325L; // FNV-1a, 64 bits: a 32-bit hash would collide within a catalog
    for (int i = 0; i < sku.length(); i++) {
      hash = (hash ^ sku.charAt(i)) * 0x100000001b3L;
    }
    return hash;
  }

  /** The record by identity (its place in memory's hash) and the id; the record confirms a hit. */
  private static long fingerprint(InventoryState record, String eventId) {
    return ((long) System.identityHashCode(record) << 32) | (eventId.hashCode() & 0xFFFFFFFFL);
  }

  /**
   * Every record in memory, by SKU, least recently used first; read only. Reading a record ({@link
   * #sku}, {@link #recall}) makes it the most recently used: do not while iterating this.
   */
  @JsonValue
  public Map<String, InventoryState> bySku() {
    return Collections.unmodifiableMap(bySku);
  }

  public static final SnapshotAdapter<LocationState> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(LocationState state) {
          return snapshot(copyOf(state.bySku), state.evicted.copy());
        }

        @Override
        public LocationState fromJournal(Object from) {
          var snapshot = (LocationState) from;
          return new LocationState(copyOf(snapshot.bySku), snapshot.evicted.copy(), true);
        }
      };
}
