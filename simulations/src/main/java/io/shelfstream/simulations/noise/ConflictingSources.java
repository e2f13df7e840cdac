package io.shelfstream.simulations.noise;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.event.StoreField;
import io.shelfstream.simulations.wire.WireTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Adds contradicting counts and store updates from other sources next to a share of the real ones.
 * The contradictions are valid events with their own ids: the node must resolve them by the
 * policies, and ground truth does the same.
 */
final class ConflictingSources extends Stage<SimEvent, SimEvent> {

  static final String UNLISTED_SOURCE = "legacy-import";
  private static final ConflictKind[] KINDS = ConflictKind.values();

  private final SplittableRandom random;
  private final int percent;
  private final NoiseCounters counters;
  private long nextId = 1;

  ConflictingSources(
      Iterator<? extends SimEvent> upstream,
      int percent,
      SplittableRandom random,
      NoiseCounters counters) {
    super(upstream);
    this.percent = percent;
    this.random = random;
    this.counters = counters;
  }

  @Override
  protected void onItem(SimEvent event) {
    boolean contested =
        (event instanceof Count || event instanceof StoreUpdate) && random.nextInt(100) < percent;
    if (!contested) {
      emit(event);
      return;
    }
    boolean originalFirst = random.nextBoolean();
    if (originalFirst) {
      emit(event);
    }
    ConflictKind kind = KINDS[random.nextInt(KINDS.length)];
    String id = "x-" + nextId++;
    OffsetDateTime at = event.occurredAt();
    switch (kind) {
      case OTHER_SOURCE_SAME_INSTANT -> contradict(event, otherSource(event.source()), id, at);
      case OTHER_SOURCE_SAME_INSTANT_OTHER_OFFSET ->
          contradict(event, otherSource(event.source()), id, inAnotherOffset(at));
      case SAME_SOURCE_SAME_INSTANT -> contradict(event, event.source(), id, at);
      case UNLISTED_SOURCE_SAME_INSTANT -> contradict(event, UNLISTED_SOURCE, id, at);
      case UTF16_ORDERED_EVENT_IDS -> {
        contradict(event, event.source(), id + "-\uFF21", at);
        contradict(event, event.source(), id + "-\uD83D\uDE00", at);
      }
      case OTHER_SOURCE_NEARBY -> {
        long shift = (1 + random.nextInt(600)) * (random.nextBoolean() ? 1L : -1L);
        contradict(event, otherSource(event.source()), id, at.plusSeconds(shift));
      }
    }
    if (!originalFirst) {
      emit(event);
    }
  }

  @Override
  protected void onEnd() {}

  private void contradict(SimEvent event, String source, String eventId, OffsetDateTime at) {
    counters.conflictingEventsAdded++;
    if (event instanceof Count count) {
      long onHand =
          Math.max(0, count.onHand() + (1 + random.nextInt(5)) * (random.nextBoolean() ? 1 : -1));
      emit(new Count(eventId, source, at, count.key(), onHand));
    } else if (event instanceof StoreUpdate update) {
      Map<StoreField, String> fields = new EnumMap<>(StoreField.class);
      update
          .fields()
          .forEach(
              (field, value) -> fields.put(field, contradictingValue(field, value, at, source)));
      emit(new StoreUpdate(eventId, source, at, update.storeId(), fields));
    }
  }

  private static String contradictingValue(
      StoreField field, String value, OffsetDateTime at, String source) {
    return switch (field) {
      case NAME -> value + " [" + source + "]";
      case ADDRESS -> value + " bis";
      case TIMEZONE ->
          value.startsWith("+") || value.startsWith("-")
              ? "UTC"
              : WireTime.explicitOffset(at.getOffset());
      case STATUS -> "open".equals(value) ? "closed" : "open";
    };
  }

  /** Real sources contradict each other; erp is contradicted by the stores' pos. */
  private static String otherSource(String source) {
    return "erp".equals(source) ? "pos" : "erp";
  }

  private static OffsetDateTime inAnotherOffset(OffsetDateTime at) {
    ZoneOffset other =
        at.getOffset().equals(ZoneOffset.UTC) ? ZoneOffset.ofHoursMinutes(5, 30) : ZoneOffset.UTC;
    return at.withOffsetSameInstant(other);
  }
}
