package io.shelfstream.engine.dedupe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.shelfstream.engine.policy.Stamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The event ids a record remembers, ordered by event time, so that a redelivered event is
 * acknowledged as a duplicate. Bounded by {@link DedupeSettings}: the oldest ids are forgotten
 * first. Mutable, for state that only its entity's actor touches: adding an id costs an insert into
 * arrays ordered by event time (an append, for ids arriving in time order), not a copy of a list.
 *
 * <p>The ids are kept in three parallel arrays rather than as {@link Entry} objects: a location
 * remembers hundreds of thousands of ids, and an object per id was as many more for the collector
 * to trace, and a cache miss more per lookup.
 *
 * <p>Forgetting the oldest ids only moves {@code first} past them; the arrays drop them once they
 * are an eighth of what is held. Removing them at once shifted every id held (up to {@code maxIds})
 * on every event of a SKU whose memory was full.
 */
public final class IdMemory {
  /** One id remembered: the form snapshots hold. */
  public record Entry(String source, String eventId, long epochMilli) {}

  /** Nothing forgotten yet: {@link #forgottenThrough} before any event time. */
  public static final long NOTHING_FORGOTTEN = Long.MIN_VALUE;

  /** What the memory can say of an id: seen, never seen, or perhaps seen and forgotten. */
  public enum Recall {
    SEEN,
    NEW,
    FORGOTTEN_OR_NEW
  }

  private static final String[] NO_TEXT = new String[0];
  private static final long[] NO_TIME = new long[0];

  private String[] sources = NO_TEXT;
  private String[] eventIds = NO_TEXT;
  private long[] epochMillis = NO_TIME;
  private int first; // ids before it are forgotten
  private int end; // ids from it on are free room
  private long textLength; // characters of the remembered sources and ids, kept as they change
  private long forgottenThrough = NOTHING_FORGOTTEN;

  public IdMemory() {}

  /**
   * {@code forgottenThrough}: the latest time of an id forgotten before these entries, or {@link
   * #NOTHING_FORGOTTEN}.
   */
  public IdMemory(List<Entry> entries, long forgottenThrough) {
    this(entries);
    this.forgottenThrough = forgottenThrough;
  }

  /**
   * As a snapshot written before {@link #forgottenThrough} was kept holds it: null there, and set
   * by the record that owns the memory ({@link #assumeForgottenThrough}).
   */
  @JsonCreator
  static IdMemory fromJson(
      @JsonProperty("entries") List<Entry> entries,
      @JsonProperty("forgottenThrough") Long forgottenThrough) {
    return new IdMemory(entries, forgottenThrough == null ? NOTHING_FORGOTTEN : forgottenThrough);
  }

  public IdMemory(List<Entry> entries) {
    grow(entries.size());
    for (Entry entry : entries) {
      sources[end] = entry.source();
      eventIds[end] = entry.eventId();
      epochMillis[end] = entry.epochMilli();
      textLength += entry.source().length() + entry.eventId().length();
      end++;
    }
  }

  /** The ids remembered, oldest first; a copy. */
  @JsonProperty("entries")
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>(size());
    for (int i = first; i < end; i++) {
      entries.add(new Entry(sources[i], eventIds[i], epochMillis[i]));
    }
    return entries;
  }

  /** What {@link #forEach} shows each remembered id to. */
  @FunctionalInterface
  public interface Visitor {
    void visit(String source, String eventId, long epochMilli);
  }

  /** Every id remembered, oldest first, without an object per id. */
  public void forEach(Visitor visitor) {
    for (int i = first; i < end; i++) {
      visitor.visit(sources[i], eventIds[i], epochMillis[i]);
    }
  }

  /**
   * The latest event time of an id this memory forgot, or {@link #NOTHING_FORGOTTEN}: every id
   * remembered once and later than this is still remembered, since ids are forgotten oldest first.
   */
  @JsonProperty("forgottenThrough")
  public long forgottenThrough() {
    return forgottenThrough;
  }

  /**
   * For a memory read from a snapshot that did not keep {@link #forgottenThrough}, whose owner
   * knows that {@code forgotten} ids were forgotten: assumes the latest of them as late as the
   * oldest id still remembered, so that no forgotten id is ever taken for new.
   */
  public void assumeForgottenThrough(long forgotten) {
    if (forgotten > 0 && forgottenThrough == NOTHING_FORGOTTEN) {
      forgottenThrough = size() == 0 ? Long.MAX_VALUE : epochMillis[first];
    }
  }

  /**
   * Whether {@code (source, eventId)} at {@code epochMilli} was added: {@code SEEN} if remembered,
   * {@code NEW} if later than every id forgotten (it would be remembered), else it cannot tell.
   */
  public Recall recall(String source, String eventId, long epochMilli) {
    if (contains(source, eventId)) {
      return Recall.SEEN;
    }
    return epochMilli > forgottenThrough ? Recall.NEW : Recall.FORGOTTEN_OR_NEW;
  }

  /** A copy that shares no array with this memory. */
  public IdMemory copy() {
    IdMemory copy = new IdMemory();
    copy.forgottenThrough = forgottenThrough;
    copy.sources = Arrays.copyOfRange(sources, first, end);
    copy.eventIds = Arrays.copyOfRange(eventIds, first, end);
    copy.epochMillis = Arrays.copyOfRange(epochMillis, first, end);
    copy.end = end - first;
    copy.textLength = textLength;
    return copy;
  }

  public int size() {
    return end - first;
  }

  /**
   * The characters of every source and event id remembered, without visiting them: a location's
   * snapshot is sized from it each time one may fall due, and walking hundreds of thousands of ids
   * for that cost as much as writing the snapshot.
   */
  public long textLength() {
    return textLength;
  }

  public boolean contains(String source, String eventId) {
    // ids of one source tend to have the same length, which String.equals checks first; the
    // hash (cached in each String) tells most of them apart at the cost of an int comparison
    int hash = eventId.hashCode();
    for (int i = end - 1; i >= first; i--) {
      String id = eventIds[i];
      if (id.hashCode() == hash && id.equals(eventId) && sources[i].equals(source)) {
        return true;
      }
    }
    return false;
  }

  public void add(Stamp stamp, DedupeSettings settings) {
    long epochMilli = stamp.occurredAt().toInstant().toEpochMilli();
    if (end == sources.length) {
      makeRoom();
    }
    int at = insertionPoint(epochMilli);
    if (at < end) {
      System.arraycopy(sources, at, sources, at + 1, end - at);
      System.arraycopy(eventIds, at, eventIds, at + 1, end - at);
      System.arraycopy(epochMillis, at, epochMillis, at + 1, end - at);
    }
    sources[at] = stamp.source();
    eventIds[at] = stamp.eventId();
    epochMillis[at] = epochMilli;
    textLength += stamp.source().length() + stamp.eventId().length();
    end++;
    first += toForget(settings);
  }

  /** Room for one more id at the end: drops the forgotten ones if they are an eighth, or grows. */
  private void makeRoom() {
    if (first > 0 && first >= end / 8) {
      int kept = end - first;
      System.arraycopy(sources, first, sources, 0, kept);
      System.arraycopy(eventIds, first, eventIds, 0, kept);
      System.arraycopy(epochMillis, first, epochMillis, 0, kept);
      Arrays.fill(sources, kept, end, null);
      Arrays.fill(eventIds, kept, end, null);
      first = 0;
      end = kept;
    } else {
      // from 2: most records remember only a few ids, and there are a million of them
      grow(Math.max(2, sources.length + (sources.length >> 1)));
    }
  }

  private void grow(int capacity) {
    if (capacity > sources.length) {
      sources = Arrays.copyOf(sources, capacity);
      eventIds = Arrays.copyOf(eventIds, capacity);
      epochMillis = Arrays.copyOf(epochMillis, capacity);
    }
  }

  /** After every id of the same time or earlier, so that ties keep their arrival order. */
  private int insertionPoint(long epochMilli) {
    if (end == first || epochMillis[end - 1] <= epochMilli) {
      return end;
    }
    int low = first;
    int high = end; // the first id later than epochMilli is in [low, high]
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (epochMillis[middle] <= epochMilli) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** How many of the oldest remembered ids fall outside the window or beyond maxIds. */
  private int toForget(DedupeSettings settings) {
    long oldestKept = epochMillis[end - 1] - settings.window().toMillis();
    int drop = 0;
    while (first + drop < end
        && (end - first - drop > settings.maxIds() || epochMillis[first + drop] < oldestKept)) {
      drop++;
    }
    if (drop > 0) {
      for (int i = first; i < first + drop; i++) {
        textLength -= sources[i].length() + eventIds[i].length();
        forgottenThrough = Math.max(forgottenThrough, epochMillis[i]);
      }
      // forgotten ids are not referenced any more, even before the arrays drop them
      Arrays.fill(sources, first, first + drop, null);
      Arrays.fill(eventIds, first, first + drop, null);
    }
    return drop;
  }
}
