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
 *
 * <p>Forgetting the oldest ids only moves {@code first} past them; the list drops them once they
 * are an eighth of it. Removing them at once shifted the whole list (up to {@code maxIds} entries)
 * on every event of a SKU whose memory was full.
 */
public final class IdMemory {
  private final ArrayList<Entry> entries;
  private int first; // entries before it are forgotten

  public IdMemory() {
    this.entries = new ArrayList<>();
  }

  @JsonCreator
  public IdMemory(@JsonProperty("entries") List<Entry> entries) {
    this.entries = new ArrayList<>(entries);
  }

  /** The ids remembered, oldest first; read only. */
  @JsonProperty("entries")
  public List<Entry> entries() {
    return Collections.unmodifiableList(entries.subList(first, entries.size()));
  }

  public int size() {
    return entries.size() - first;
  }

  public boolean contains(String source, String eventId) {
    return contains(entries, first, source, eventId);
  }

  public void add(Stamp stamp, DedupeSettings settings) {
    var entry =
        new Entry(stamp.source(), stamp.eventId(), stamp.occurredAt().toInstant().toEpochMilli());
    entries.add(insertionPoint(entries, first, entry.epochMilli()), entry);
    first += toForget(entries, first, settings);
    if (first > entries.size() / 8) {
      entries.subList(0, first).clear();
      first = 0;
    }
  }

  static boolean contains(List<Entry> entries, String source, String eventId) {
    return contains(entries, 0, source, eventId);
  }

  private static boolean contains(List<Entry> entries, int first, String source, String eventId) {
    // ids of one source tend to have the same length, which String.equals checks first; the
    // hash (cached in each String) tells most of them apart at the cost of an int comparison
    int hash = eventId.hashCode();
    for (int i = entries.size() - 1; i >= first; i--) {
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
  private static int insertionPoint(List<Entry> entries, int first, long epochMilli) {
    int size = entries.size();
    if (size == first || entries.get(size - 1).epochMilli() <= epochMilli) {
      return size;
    }
    int low = first;
    int high = size; // the first entry later than epochMilli is in [low, high]
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (entries.get(middle).epochMilli() <= epochMilli) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** How many of the oldest remembered entries fall outside the window or beyond maxIds. */
  private static int toForget(List<Entry> entries, int first, DedupeSettings settings) {
    int size = entries.size();
    if (size == first) {
      return 0;
    }
    long oldestKept = entries.get(size - 1).epochMilli() - settings.window().toMillis();
    int drop = 0;
    while (first + drop < size
        && (size - first - drop > settings.maxIds()
            || entries.get(first + drop).epochMilli() < oldestKept)) {
      drop++;
    }
    return drop;
  }
}
