package io.shelfstream.engine.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.shelfstream.engine.dedupe.IdMemory;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.policy.Versioned;
import io.shelfstream.protocols.event.InventoryKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The golden record of one SKU at a location, as its entity keeps it: each source's latest count,
 * the movements that a count may still leave after it (those after the count horizon, see
 * docs/golden-record.md), and the ids it remembers. Everything else (the baseline, onHand) is
 * derived, so the record depends only on the set of events applied, never on their order.
 *
 * <p>Mutable, like the {@link LocationState} that holds it: applying an event changes it in place
 * instead of copying its lists. Only its entity's actor touches it; a snapshot takes a {@link
 * #copy}.
 */
public final class InventoryState {
  // most records of a big catalog never see a count: they share this until their first one, which
  // saves a map and its views per record (a tenth of a record's memory)
  private static final Map<String, Versioned<Long>> NO_COUNTS = Map.of();
  private Map<String, Versioned<Long>> countsBySource;
  // the reservations of each source's latest count, for the counts that gave some: kept beside the
  // counts rather than in them, so that a record whose counts give none holds no object more
  private static final Map<String, Reservations> NO_RESERVATIONS = Map.of();
  private Map<String, Reservations> reservationsBySource;
  private final List<Movement> movements;
  private final IdMemory seen;
  private long version;

  // the horizon changes only with the counts: computed once per count, not once per movement,
  // and kept as numbers (a record with a count would otherwise keep one more object)
  private static final long HORIZON_UNKNOWN = Long.MIN_VALUE;
  private static final long NO_HORIZON = Long.MIN_VALUE + 1;
  private long horizonSecond = HORIZON_UNKNOWN;
  private int horizonNano;

  /** A record to which no event was applied yet. */
  public InventoryState() {
    this(Map.of(), Map.of(), List.of(), new IdMemory(), 0);
  }

  /**
   * A record as a snapshot stored it; takes copies of what it is given. {@code forgottenThrough}:
   * see {@link IdMemory#forgottenThrough}; null when the snapshot did not keep it.
   */
  public InventoryState(
      Map<String, Versioned<Long>> countsBySource,
      List<Movement> movements,
      List<IdMemory.Entry> seen,
      Long forgottenThrough,
      long version) {
    this(countsBySource, Map.of(), movements, seen, forgottenThrough, version);
  }

  /**
   * As above, with the reservations of the counts that gave some, by source: each the reservations
   * of its source's count in {@code countsBySource}.
   */
  public InventoryState(
      Map<String, Versioned<Long>> countsBySource,
      Map<String, Reservations> reservationsBySource,
      List<Movement> movements,
      List<IdMemory.Entry> seen,
      Long forgottenThrough,
      long version) {
    this(
        countsBySource,
        reservationsBySource,
        movements,
        forgottenThrough == null ? new IdMemory(seen) : new IdMemory(seen, forgottenThrough),
        version);
  }

  private InventoryState(
      Map<String, Versioned<Long>> countsBySource,
      Map<String, Reservations> reservationsBySource,
      List<Movement> movements,
      IdMemory seen,
      long version) {
    this.countsBySource = countsBySource.isEmpty() ? NO_COUNTS : new HashMap<>(countsBySource);
    this.reservationsBySource =
        reservationsBySource.isEmpty() ? NO_RESERVATIONS : new HashMap<>(reservationsBySource);
    this.movements = new ArrayList<>(movements);
    this.seen = seen;
    this.version = version;
    // every event applied was added to the memory: those it no longer holds, it forgot
    seen.assumeForgottenThrough(version - seen.size());
  }

  // snapshots written by jackson-cbor (before LocationSnapshotSerializer) hold "seen" as an object
  @JsonCreator
  private static InventoryState fromJson(
      @JsonProperty("countsBySource") Map<String, Versioned<Long>> countsBySource,
      @JsonProperty("movements") List<Movement> movements,
      @JsonProperty("seen") IdMemory seen,
      @JsonProperty("version") long version) {
    return new InventoryState(countsBySource, Map.of(), movements, seen, version);
  }

  @JsonProperty("seen")
  private IdMemory seenAsJson() {
    return seen;
  }

  public InventoryState copy() {
    return new InventoryState(
        countsBySource, reservationsBySource, movements, seen.copy(), version);
  }

  @JsonProperty("countsBySource")
  public Map<String, Versioned<Long>> countsBySource() {
    return Collections.unmodifiableMap(countsBySource);
  }

  /** The reservations of the latest count of each source whose count gave some. */
  public Map<String, Reservations> reservationsBySource() {
    return Collections.unmodifiableMap(reservationsBySource);
  }

  @JsonProperty("movements")
  public List<Movement> movements() {
    return Collections.unmodifiableList(movements);
  }

  /** The ids remembered beyond the counts and movements kept, oldest first; a copy. */
  public List<IdMemory.Entry> seen() {
    return seen.entries();
  }

  /** How many ids {@link #seen} holds. */
  public int seenCount() {
    return seen.size();
  }

  /** The characters of every source and event id {@link #seen} holds. */
  public long seenTextLength() {
    return seen.textLength();
  }

  /** Every id {@link #seen} holds, oldest first, without copying them. */
  public void forEachSeen(IdMemory.Visitor visitor) {
    seen.forEach(visitor);
  }

  /** Events applied so far. */
  @JsonProperty("version")
  public long version() {
    return version;
  }

  public boolean isEmpty() {
    return version == 0;
  }

  /**
   * Whether {@code (source, eventId)} was applied before. Movements that may still apply are always
   * remembered, whatever the dedupe window, so that none can be applied twice.
   */
  public boolean hasSeen(String source, String eventId) {
    if (seen.contains(source, eventId)) {
      return true;
    }
    for (Movement movement : movements) {
      if (movement.sameEvent(source, eventId)) {
        return true;
      }
    }
    for (Versioned<Long> count : countsBySource.values()) {
      if (count.stamp().sameEvent(source, eventId)) {
        return true;
      }
    }
    return false;
  }

  /** The latest event time of an id this record forgot: see {@link IdMemory#forgottenThrough}. */
  public long forgottenThrough() {
    return seen.forgottenThrough();
  }

  /**
   * Whether this record applied {@code (source, eventId)} at {@code epochMilli}, as far as it can
   * tell: an id it forgot must be looked up in the {@link
   * io.shelfstream.engine.dedupe.DedupeIndex}.
   */
  public IdMemory.Recall recall(String source, String eventId, long epochMilli) {
    if (hasSeen(source, eventId)) {
      return IdMemory.Recall.SEEN;
    }
    return epochMilli > seen.forgottenThrough()
        ? IdMemory.Recall.NEW
        : IdMemory.Recall.FORGOTTEN_OR_NEW;
  }

  /** Every {@code (source, eventId)} for which {@link #hasSeen} is true. */
  public void forEachRemembered(BiConsumer<String, String> action) {
    seen.forEach((source, eventId, epochMilli) -> action.accept(source, eventId));
    movements.forEach(movement -> action.accept(movement.source(), movement.eventId()));
    countsBySource
        .values()
        .forEach(count -> action.accept(count.stamp().source(), count.stamp().eventId()));
  }

  /** Applies {@code event} in place; returns this record. */
  public InventoryState apply(LocationInventory.Event event, GoldenRecordSettings settings) {
    seen.add(event.stamp(), settings.dedupe());
    if (event instanceof CountRecorded count) {
      applyCount(count, settings);
    } else {
      applyMovement((MovementRecorded) event, settings);
    }
    version++;
    return this;
  }

  private void applyCount(CountRecorded count, GoldenRecordSettings settings) {
    if (countsBySource == NO_COUNTS) {
      countsBySource = new HashMap<>(4);
    }
    String source = count.stamp().source();
    var candidate = new Versioned<>(count.onHand(), count.stamp());
    if (countsBySource.merge(source, candidate, settings.ranking()::newer) == candidate) {
      keepReservations(source, count.reservations());
    }
    horizonSecond = HORIZON_UNKNOWN;
    if (hasHorizon(settings)) {
      movements.removeIf(movement -> !movement.isAfter(horizonSecond, horizonNano));
    }
  }

  /** Those of {@code source}'s latest count, which has just changed. */
  private void keepReservations(String source, Reservations reservations) {
    if (reservations != null) {
      if (reservationsBySource == NO_RESERVATIONS) {
        reservationsBySource = new HashMap<>(2);
      }
      reservationsBySource.put(source, reservations);
    } else if (!reservationsBySource.isEmpty()) {
      reservationsBySource.remove(source);
    }
  }

  private void applyMovement(MovementRecorded movement, GoldenRecordSettings settings) {
    // at or before every possible baseline: recorded in the journal, never applied
    Movement kept = new Movement(movement.stamp(), movement.delta());
    if (!hasHorizon(settings) || kept.isAfter(horizonSecond, horizonNano)) {
      movements.add(kept);
    }
  }

  /**
   * Whether there is a horizon (a count): every future baseline is after the instant {@code
   * (horizonSecond, horizonNano)}.
   */
  private boolean hasHorizon(GoldenRecordSettings settings) {
    if (horizonSecond == HORIZON_UNKNOWN) {
      Instant horizon = horizonOfCounts(settings);
      horizonSecond = horizon == null ? NO_HORIZON : horizon.getEpochSecond();
      horizonNano = horizon == null ? 0 : horizon.getNano();
    }
    return horizonSecond != NO_HORIZON;
  }

  private Instant horizonOfCounts(GoldenRecordSettings settings) {
    OffsetDateTime newest = null;
    for (Versioned<Long> count : countsBySource.values()) {
      OffsetDateTime at = count.stamp().occurredAt();
      if (newest == null || at.isAfter(newest)) {
        newest = at;
      }
    }
    return newest == null ? null : newest.toInstant().minus(settings.onHand().horizonSlack());
  }

  public InventoryView view(InventoryKey key, GoldenRecordSettings settings) {
    Optional<Versioned<Long>> baseline = settings.onHand().choose(countsBySource);
    long onHand = baseline.map(Versioned::value).orElse(0L);
    Instant after = baseline.map(count -> count.stamp().occurredAt().toInstant()).orElse(null);
    int applied = 0;
    Stamp lastMovement = null;
    for (Movement movement : movements) {
      if (after == null || movement.isAfter(after.getEpochSecond(), after.getNano())) {
        onHand += movement.delta();
        applied++;
        Stamp stamp = movement.stamp();
        if (lastMovement == null
            || settings.ranking().lastWriteWins().compare(stamp, lastMovement) > 0) {
          lastMovement = stamp;
        }
      }
    }
    Reservations reservations =
        baseline.map(count -> reservationsBySource.get(count.stamp().source())).orElse(null);
    return InventoryView.of(
        key, onHand, baseline.orElse(null), reservations, applied, lastMovement, version);
  }
}
