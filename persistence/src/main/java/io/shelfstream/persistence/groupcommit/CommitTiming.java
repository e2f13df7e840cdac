package io.shelfstream.persistence.groupcommit;

/**
 * Where one batch's write spent its time: waiting for a pooled connection, running the insert, and
 * committing (the database's WAL flush). Tells a slow database apart from a starved pool.
 */
record CommitTiming(int items, long connectionNanos, long insertNanos, long commitNanos) {

  long totalNanos() {
    return connectionNanos + insertNanos + commitNanos;
  }

  String describe(String itemsName) {
    return String.format(
        "%d ms (connection %d, insert %d, commit %d ms; %d %s)",
        Math.round(totalNanos() / 1e6),
        Math.round(connectionNanos / 1e6),
        Math.round(insertNanos / 1e6),
        Math.round(commitNanos / 1e6),
        items,
        itemsName);
  }
}
