package io.shelfstream.engine.inventory;

import io.shelfstream.engine.dedupe.SeenIds;
import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.policy.Versioned;
import io.shelfstream.engine.record.GoldenRecordSettings;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.InventoryKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What an inventory entity keeps: each source's latest count, the movements that a count may still
 * leave after it (those after the count horizon, see docs/golden-record.md), and the ids it
 * remembers. Everything else (the baseline, onHand) is derived, so the record depends only on the
 * set of events applied, never on their order.
 */
public record InventoryState(
    Map<String, Versioned<Long>> countsBySource,
    List<Movement> movements,
    SeenIds seen,
    long version)
    implements CborSerializable {

  public static final InventoryState EMPTY =
      new InventoryState(Map.of(), List.of(), SeenIds.EMPTY, 0);

  /** A movement that may still apply: its provenance and its signed change to onHand. */
  public record Movement(Stamp stamp, long delta) {}

  public InventoryState {
    countsBySource = Map.copyOf(countsBySource);
    movements = List.copyOf(movements);
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
      if (movement.stamp().sameEvent(source, eventId)) {
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

  /** Every {@code (source, eventId)} for which {@link #hasSeen} is true. */
  public void forEachRemembered(BiConsumer<String, String> action) {
    seen.entries().forEach(entry -> action.accept(entry.source(), entry.eventId()));
    movements.forEach(
        movement -> action.accept(movement.stamp().source(), movement.stamp().eventId()));
    countsBySource
        .values()
        .forEach(count -> action.accept(count.stamp().source(), count.stamp().eventId()));
  }

  public InventoryState apply(LocationInventory.Event event, GoldenRecordSettings settings) {
    SeenIds nextSeen = seen.add(event.stamp(), settings.dedupe());
    if (event instanceof CountRecorded count) {
      return withCount(count, nextSeen, settings);
    }
    return withMovement((MovementRecorded) event, nextSeen, settings);
  }

  private InventoryState withCount(
      CountRecorded count, SeenIds nextSeen, GoldenRecordSettings settings) {
    Map<String, Versioned<Long>> counts = new HashMap<>(countsBySource);
    counts.merge(
        count.stamp().source(),
        new Versioned<>(count.onHand(), count.stamp()),
        settings.ranking()::newer);
    OffsetDateTime horizon = horizon(counts, settings);
    List<Movement> kept = new ArrayList<>(movements.size());
    for (Movement movement : movements) {
      if (movement.stamp().isAfter(horizon)) {
        kept.add(movement);
      }
    }
    return new InventoryState(counts, kept, nextSeen, version + 1);
  }

  private InventoryState withMovement(
      MovementRecorded movement, SeenIds nextSeen, GoldenRecordSettings settings) {
    OffsetDateTime horizon = horizon(countsBySource, settings);
    if (horizon != null && !movement.stamp().isAfter(horizon)) {
      // at or before every possible baseline: recorded in the journal, never applied
      return new InventoryState(countsBySource, movements, nextSeen, version + 1);
    }
    List<Movement> next = new ArrayList<>(movements.size() + 1);
    next.addAll(movements);
    next.add(new Movement(movement.stamp(), movement.delta()));
    return new InventoryState(countsBySource, next, nextSeen, version + 1);
  }

  /** Every future baseline is after this instant; null while there is no count. */
  private static OffsetDateTime horizon(
      Map<String, Versioned<Long>> counts, GoldenRecordSettings settings) {
    OffsetDateTime newest = null;
    for (Versioned<Long> count : counts.values()) {
      OffsetDateTime at = count.stamp().occurredAt();
      if (newest == null || at.isAfter(newest)) {
        newest = at;
      }
    }
    return newest == null ? null : newest.minus(settings.onHand().horizonSlack());
  }

  public InventoryView view(InventoryKey key, GoldenRecordSettings settings) {
    Optional<Versioned<Long>> baseline = settings.onHand().choose(countsBySource);
    long onHand = baseline.map(Versioned::value).orElse(0L);
    int applied = 0;
    Stamp lastMovement = null;
    for (Movement movement : movements) {
      if (baseline.isEmpty() || movement.stamp().isAfter(baseline.get().stamp().occurredAt())) {
        onHand += movement.delta();
        applied++;
        if (lastMovement == null
            || settings.ranking().lastWriteWins().compare(movement.stamp(), lastMovement) > 0) {
          lastMovement = movement.stamp();
        }
      }
    }
    return InventoryView.of(key, onHand, baseline.orElse(null), applied, lastMovement, version);
  }
}
