package io.shelfstream.persistence.groupcommit;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the writer did over the last interval (at most every 10 s, only when it wrote): how
 * many items (events, letters) per second, how large the batches were and how long a commit took,
 * on average and at most, with where the longest one spent its time. Ops read from it whether the
 * database or the engine is the limit.
 */
final class WriterStatsLog {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final String name;
  private final String itemsName;
  private long lastAt = System.nanoTime();
  private long lastBatches;
  private long lastItems;
  private long lastCommitNanos;
  private CommitTiming longest;

  WriterStatsLog(String name, String itemsName) {
    this.name = name;
    this.itemsName = itemsName;
  }

  /** {@code commitNanos}: the total so far; {@code thisCommit}: the batch just committed. */
  synchronized void maybeLog(
      long batches, long items, long commitNanos, CommitTiming thisCommit, int queued) {
    if (longest == null || thisCommit.totalNanos() > longest.totalNanos()) {
      longest = thisCommit;
    }
    long now = System.nanoTime();
    if (now - lastAt < INTERVAL_NANOS || !log.isInfoEnabled()) {
      return;
    }
    long newBatches = batches - lastBatches;
    long newItems = items - lastItems;
    double seconds = (now - lastAt) / 1e9;
    log.info(
        "{}: {} {}/s in {} batches ({} each), commit {} ms on average, {} at most, {} writes"
            + " queued",
        name,
        Math.round(newItems / seconds),
        itemsName,
        newBatches,
        newBatches == 0 ? 0 : newItems / newBatches,
        newBatches == 0 ? 0 : Math.round((commitNanos - lastCommitNanos) / 1e6 / newBatches),
        longest.describe(itemsName),
        queued);
    longest = null;
    lastAt = now;
    lastBatches = batches;
    lastItems = items;
    lastCommitNanos = commitNanos;
  }
}
