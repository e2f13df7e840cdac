package io.shelfstream.engine.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.shelfstream.engine.dedupe.IdMemory;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.policy.Versioned;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.StoreField;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * Each field's latest value per source; the value served is chosen per field by its policy, so
 * fields merge independently and the result does not depend on arrival order.
 *
 * <p>Mutable, like {@link io.shelfstream.engine.inventory.LocationState}: an update changes it in
 * place. As an immutable record, every update copied the up to {@code dedupe.max-ids} ids it
 * remembers, three times over. Only its entity's actor touches it; a snapshot takes a copy ({@link
 * #SNAPSHOTS}) before the snapshot store serializes it on its own.
 */
// snapshots of the record it was hold "empty" too: isEmpty(), derived from the version
@JsonIgnoreProperties("empty")
public final class StoreState implements CborSerializable {
  /**
   * The state before any update, which every incarnation of every store entity starts from: never
   * written to ({@link #writable}), or a failed incarnation's updates would outlive it.
   */
  public static final StoreState NONE = new StoreState();

  private final Map<StoreField, Map<String, Versioned<String>>> fieldsBySource =
      new EnumMap<>(StoreField.class);
  private final IdMemory seen;
  private long version;

  /** A store no update was applied to yet. */
  public StoreState() {
    this(Map.of(), new IdMemory(), 0);
  }

  /** As a snapshot stored it (the same shape as the record it was); copies what it is given. */
  @JsonCreator
  StoreState(
      @JsonProperty("fieldsBySource")
          Map<StoreField, Map<String, Versioned<String>>> fieldsBySource,
      @JsonProperty("seen") IdMemory seen,
      @JsonProperty("version") long version) {
    fieldsBySource.forEach(
        (field, bySource) -> this.fieldsBySource.put(field, new HashMap<>(bySource)));
    this.seen = seen;
    this.version = version;
    // every update applied was added to the memory: those it no longer holds, it forgot
    seen.assumeForgottenThrough(version - seen.size());
  }

  public StoreState copy() {
    return new StoreState(fieldsBySource, seen.copy(), version);
  }

  @JsonProperty("fieldsBySource")
  public Map<StoreField, Map<String, Versioned<String>>> fieldsBySource() {
    return Collections.unmodifiableMap(fieldsBySource);
  }

  @JsonProperty("seen")
  private IdMemory seenAsJson() {
    return seen;
  }

  /** Updates applied so far. */
  @JsonProperty("version")
  public long version() {
    return version;
  }

  public boolean isEmpty() {
    return version == 0;
  }

  public boolean hasSeen(String source, String eventId) {
    return seen.contains(source, eventId);
  }

  /** As far as the store's memory of ids can tell: see {@link IdMemory#recall}. */
  public IdMemory.Recall recall(String source, String eventId, long epochMilli) {
    return seen.recall(source, eventId, epochMilli);
  }

  /** This state to apply updates to: a new one in place of {@link #NONE}. */
  public StoreState writable() {
    return this == NONE ? new StoreState() : this;
  }

  /** Applies {@code event} in place; returns this state. */
  public StoreState apply(Store.StoreUpdated event, GoldenRecordSettings settings) {
    if (this == NONE) {
      throw new IllegalStateException("StoreState.NONE is shared: apply to writable()");
    }
    Stamp stamp = event.stamp();
    event
        .fields()
        .forEach(
            (field, value) ->
                fieldsBySource
                    .computeIfAbsent(field, ignored -> new HashMap<>())
                    .merge(
                        stamp.source(), new Versioned<>(value, stamp), settings.ranking()::newer));
    seen.add(stamp, settings.dedupe());
    version++;
    return this;
  }

  public StoreView view(String storeId, GoldenRecordSettings settings) {
    Map<StoreField, String> values = new EnumMap<>(StoreField.class);
    Map<String, Stamp> provenance = new HashMap<>();
    fieldsBySource.forEach(
        (field, bySource) ->
            settings
                .storeFields()
                .get(field)
                .choose(bySource)
                .ifPresent(
                    chosen -> {
                      values.put(field, chosen.value());
                      provenance.put(field.wireName(), chosen.stamp());
                    }));
    return new StoreView(
        storeId,
        values.get(StoreField.NAME),
        values.get(StoreField.ADDRESS),
        values.get(StoreField.TIMEZONE),
        values.get(StoreField.STATUS),
        version,
        provenance);
  }

  public static final SnapshotAdapter<StoreState> SNAPSHOTS =
      new SnapshotAdapter<>() {
        @Override
        public Object toJournal(StoreState state) {
          return state.copy();
        }

        @Override
        public StoreState fromJournal(Object from) {
          // a snapshot store in memory (the tests') hands back the object it was given
          return ((StoreState) from).copy();
        }
      };
}
