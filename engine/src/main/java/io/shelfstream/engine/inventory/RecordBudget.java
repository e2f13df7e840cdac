package io.shelfstream.engine.inventory;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many SKU records the inventory entities of one node keep in memory, together: {@code
 * records-in-memory}. While the node holds fewer, a location keeps every record it uses, however
 * many: a retailer's big stores need more than its small ones. Once the node holds more, the
 * locations above an even share give records back (their least recently used, to the record store)
 * as they next write, down to that share; those below it keep theirs. So the heap follows this
 * setting, not the size of the catalog: about {@code records-in-memory} records, and at most twice
 * as many if every location below its share fills it at once.
 */
public final class RecordBudget {
  /** A location keeps at least this many whatever the number of locations. */
  static final int MIN_PER_LOCATION = 100;

  private final int records;
  private final AtomicInteger locations = new AtomicInteger();
  private final AtomicLong held = new AtomicLong();

  public RecordBudget(int records) {
    if (records < 1) {
      throw new IllegalArgumentException("records-in-memory must be at least 1");
    }
    this.records = records;
  }

  void started() {
    locations.incrementAndGet();
  }

  void stopped() {
    locations.decrementAndGet();
  }

  /** A location now holds {@code delta} more records in memory (fewer when negative). */
  void holding(int delta) {
    held.addAndGet(delta);
  }

  /** The records in memory on this node. */
  long held() {
    return held.get();
  }

  /** An even share of the budget among the locations running on the node. */
  int share() {
    return Math.max(MIN_PER_LOCATION, records / Math.max(1, locations.get()));
  }

  /**
   * How many records a location that would hold {@code size} after its next write keeps: all of
   * them while the node is within budget or the location within its share; otherwise it gives back
   * the node's excess, but never goes below its share.
   */
  int keep(int size) {
    long excess = held.get() - records;
    int share = share();
    if (excess <= 0 || size <= share) {
      return size;
    }
    return (int) Math.max(share, size - excess);
  }
}
