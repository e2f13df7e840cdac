package io.shelfstream.engine.dedupe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.shelfstream.engine.dedupe.SeenIds.Entry;
import io.shelfstream.engine.policy.Stamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mutable form of {@link SeenIds}, for state that only its entity's actor touches: adding an id
 * costs an insert into a list ordered by event time (an append, for ids arriving in time order)
 * instead of a copy of the list. Same rules, same serialized form.
 */
public final class IdMemory {
  private final ArrayList<Entry> entries;

  public IdMemory() {
    this.entries = new ArrayList<>();
  }

  @JsonCreator
  public IdMemory(@JsonProperty("entries") List<Entry> entries) {
    this.entries = new ArrayList<>(entries);
  }

  @JsonProperty("entries")
  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public boolean contains(String source, String eventId) {
    return contains(entries, source, eventId);
  }

  public void add(Stamp stamp, DedupeSettings settings) {
    var entry =
        new Entry(stamp.source(), stamp.eventId(), stamp.occurredAt().toInstant().toEpochMilli());
    entries.add(insertionPoint(entries, entry.epochMilli()), entry);
    int forget = toForget(entries, settings);
    if (forget > 0) {
      entries.subList(0, forget).clear();
    }
  }

  static boolean contains(List<Entry> entries, String source, String eventId) {
    // ids of one source tend to have the same length, which String.equals checks first; the
    // hash (cached in each String) tells most of them apart at the cost of an int comparison
    int hash = eventId.hashCode();
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry entry = entries.get(i);
      if (entry.eventId().hashCode() == hash
          && entry.eventId().equals(eventId)
          && entry.source().equals(source)) {
        return true;
      }
    }
    return false;
  }

  /** After every entry of the same time or earlier, so that ties keep their arrival order. */
  static int insertionPoint(List<Entry> entries, long epochMilli) {
    int size = entries.size();
    if (size == 0 || entries.get(size - 1).epochMilli() <= epochMilli) {
      return size;
    }
    int at =
        Collections.binarySearch(
            entries,
            new Entry("", "", epochMilli),
            (a, b) -> Long.compare(a.epochMilli(), b.epochMilli()));
    if (at < 0) {
      return -at - 1;
    }
    while (at < size && entries.get(at).epochMilli() == epochMilli) {
      at++;
    }
    return at;
  }

  /** How many of the oldest entries fall outside the window or beyond maxIds. */
  static int toForget(List<Entry> entries, DedupeSettings settings) {
    int size = entries.size();
    if (size == 0) {
      return 0;
    }
    long oldestKept = entries.get(size - 1).epochMilli() - settings.window().toMillis();
    int drop = 0;
    while (drop < size
        && (size - drop > settings.maxIds() || entries.get(drop).epochMilli() < oldestKept)) {
      drop++;
    }
    return drop;
  }
}
