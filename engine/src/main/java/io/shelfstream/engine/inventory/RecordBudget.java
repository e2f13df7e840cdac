package io.shelfstream.engine.inventory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many SKU records the inventory entities of one node keep in memory, together: {@code
 * records-in-memory}, shared out evenly among the locations running on the node. A location keeps
 * its most recently used records up to its share and the rest in the record store, so that the heap
 * follows this setting and not the size of the catalog.
 */
public final class RecordBudget {
  /** A location keeps at least this many whatever the number of locations. */
  static final int MIN_PER_LOCATION = 100;

  private final int records;
  private final AtomicInteger locations = new AtomicInteger();

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

  /** The records one location may keep in memory now. */
  int perLocation() {
    return Math.max(MIN_PER_LOCATION, records / Math.max(1, locations.get()));
  }
}
