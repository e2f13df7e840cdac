package io.shelfstream.engine.dedupe;

import io.shelfstream.engine.policy.Stamp;
import java.util.List;

/**
 * The event ids an entity remembers, ordered by event time, so that a redelivered event is
 * acknowledged as a duplicate. Bounded by {@link DedupeSettings}: the oldest ids are forgotten
 * first. Immutable; adding copies a list of at most {@code maxIds} entries ({@link IdMemory} is the
 * mutable form).
 */
public record SeenIds(List<Entry> entries) {
  public static final SeenIds EMPTY = new SeenIds(List.of());

  public record Entry(String source, String eventId, long epochMilli) {}

  public SeenIds {
    entries = List.copyOf(entries);
  }

  public boolean contains(String source, String eventId) {
    return IdMemory.contains(entries, source, eventId);
  }

  public SeenIds add(Stamp stamp, DedupeSettings settings) {
    var memory = new IdMemory(entries);
    memory.add(stamp, settings);
    return new SeenIds(memory.entries());
  }
}
