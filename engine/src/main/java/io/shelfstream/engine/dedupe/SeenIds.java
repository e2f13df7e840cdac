package io.shelfstream.engine.dedupe;

import io.shelfstream.engine.policy.Stamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The event ids an entity remembers, ordered by event time, so that a redelivered event is
 * acknowledged as a duplicate. Bounded by {@link DedupeSettings}: the oldest ids are forgotten
 * first. Immutable; adding copies a list of at most {@code maxIds} entries.
 */
public record SeenIds(List<Entry> entries) {
  public static final SeenIds EMPTY = new SeenIds(List.of());

  public record Entry(String source, String eventId, long epochMilli) {}

  public SeenIds {
    entries = List.copyOf(entries);
  }

  public boolean contains(String source, String eventId) {
    // ids of one source tend to have the same length, which String.equals checks first; the
    // hash (cached in each String) tells most of them apart at the cost of an int comparison
    int hash = eventId.hashCode();
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry entry = entries.get(i);
      if (entry.eventId.hashCode() == hash
          && entry.eventId.equals(eventId)
          && entry.source.equals(source)) {
        return true;
      }
    }
    return false;
  }

  public SeenIds add(Stamp stamp, DedupeSettings settings) {
    var entry =
        new Entry(stamp.source(), stamp.eventId(), stamp.occurredAt().toInstant().toEpochMilli());
    List<Entry> next = new ArrayList<>(entries.size() + 1);
    next.addAll(entries);
    int at =
        Collections.binarySearch(next, entry, (a, b) -> Long.compare(a.epochMilli, b.epochMilli));
    next.add(at < 0 ? -at - 1 : at + 1, entry);

    long newest = next.get(next.size() - 1).epochMilli;
    long oldestKept = newest - settings.window().toMillis();
    int drop = 0;
    while (drop < next.size()
        && (next.size() - drop > settings.maxIds() || next.get(drop).epochMilli < oldestKept)) {
      drop++;
    }
    return new SeenIds(next.subList(drop, next.size()));
  }
}
