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
 * event is a duplicate when the entity has seen it, or when it came earlier in the same batch.
 */
public record BatchDedupe<E>(List<E> fresh, List<IngestStatus> statuses) {

  public static <E> BatchDedupe<E> of(
      List<E> events, Function<E, Stamp> stampOf, BiPredicate<String, String> seenBefore) {
    List<E> fresh = new ArrayList<>(events.size());
    List<IngestStatus> statuses = new ArrayList<>(events.size());
    Set<EventRef> inBatch = new HashSet<>();
    for (E event : events) {
      Stamp stamp = stampOf.apply(event);
      boolean duplicate =
          seenBefore.test(stamp.source(), stamp.eventId())
              || !inBatch.add(new EventRef(stamp.source(), stamp.eventId()));
      statuses.add(duplicate ? IngestStatus.DUPLICATE : IngestStatus.ACCEPTED);
      if (!duplicate) {
        fresh.add(event);
      }
    }
    return new BatchDedupe<>(fresh, statuses);
  }

  private record EventRef(String source, String eventId) {}

  public IngestReply reply() {
    return new IngestReply(statuses);
  }
}
