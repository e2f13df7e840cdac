package io.shelfstream.engine.record;

import io.shelfstream.engine.policy.Stamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Splits a batch of events for one entity into those to journal and the statuses to answer with: an
 * event is a duplicate when its record has seen it, or when it came earlier in the same batch for
 * the same record. An entity may keep several records (a location keeps one per SKU); ids are
 * unique per record, so the same id on two records is two events.
 */
public record BatchDedupe<E>(List<E> fresh, List<IngestStatus> statuses) {

  /** For an entity that keeps one record. */
  public static <E> BatchDedupe<E> of(
      List<E> events, Function<E, Stamp> stampOf, BiPredicate<String, String> seenBefore) {
    return of(
        events,
        event -> "",
        stampOf,
        (record, stamp) -> seenBefore.test(stamp.source(), stamp.eventId()));
  }

  /** {@code recordOf} names the record of the entity an event belongs to. */
  public static <E> BatchDedupe<E> of(
      List<E> events,
      Function<E, String> recordOf,
      Function<E, Stamp> stampOf,
      BiPredicate<String, Stamp> seenBefore) {
    List<E> fresh = new ArrayList<>(events.size());
    List<IngestStatus> statuses = new ArrayList<>(events.size());
    Set<EventRef> inBatch = new HashSet<>();
    for (E event : events) {
      String record = recordOf.apply(event);
      Stamp stamp = stampOf.apply(event);
      boolean duplicate =
          seenBefore.test(record, stamp)
              || !inBatch.add(new EventRef(record, stamp.source(), stamp.eventId()));
      statuses.add(duplicate ? IngestStatus.DUPLICATE : IngestStatus.ACCEPTED);
      if (!duplicate) {
        fresh.add(event);
      }
    }
    return new BatchDedupe<>(fresh, statuses);
  }

  private record EventRef(String record, String source, String eventId) {}

  public IngestReply reply() {
    return new IngestReply(statuses);
  }
}
