package io.shelfstream.persistence.journal.groupcommit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: every write waiting when a writer thread is free goes into one transaction, with
 * one insert statement, whatever entity it came from. Under load batches grow by themselves (writes
 * queue up while a batch is committing); when idle a write is committed at once. If a batch fails,
 * its writes are retried one by one so that only a write that cannot be stored fails (e.g. a
 * sequence number written twice by two nodes).
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  private record Pending(List<JournalRow> rows, CompletableFuture<Void> done) {}

  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final DataSource dataSource;
  private final BatchInsert insert;
  private final int maxBatchEvents;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong commitNanos = new AtomicLong();
  private final WriterStatsLog statsLog = new WriterStatsLog();
  private volatile boolean closing;

  GroupCommitWriter(DataSource dataSource, BatchInsert insert, int writers, int maxBatchEvents) {
    this.dataSource = dataSource;
    this.insert = insert;
    this.maxBatchEvents = maxBatchEvents;
    for (int i = 0; i < writers; i++) {
      Thread thread = new Thread(this::run, "shelfstream-journal-writer-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Completes once the rows are committed. */
  CompletionStage<Void> write(List<JournalRow> rows) {
    var pending = new Pending(rows, new CompletableFuture<>());
    if (closing) {
      pending.done.completeExceptionally(new IllegalStateException("the journal is shutting down"));
    } else {
      queue.add(pending);
    }
    return pending.done;
  }

  /** Transactions and events written so far, for the logs and benchmarks. */
  long batches() {
    return batches.get();
  }

  long events() {
    return events.get();
  }

  /**
   * Commits everything queued as one batch, on the caller's thread (for a writer made with no
   * threads).
   */
  void flushQueued() {
    Pending first = queue.poll();
    if (first != null) {
      flush(drainAfter(first));
    }
  }

  private void run() {
    while (!closing || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          flush(drainAfter(first));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("journal writer failed unexpectedly; it goes on with the next batch", e);
      }
    }
  }

  private List<Pending> drainAfter(Pending first) {
    List<Pending> batch = new ArrayList<>();
    batch.add(first);
    int size = first.rows.size();
    Pending next;
    while (size < maxBatchEvents && (next = queue.poll()) != null) {
      batch.add(next);
      size += next.rows.size();
    }
    return batch;
  }

  private void flush(List<Pending> batch) {
    List<JournalRow> rows = new ArrayList<>();
    batch.forEach(pending -> rows.addAll(pending.rows));
    try {
      CommitTiming took = commit(rows);
      commitNanos.addAndGet(took.totalNanos());
      batches.incrementAndGet();
      events.addAndGet(rows.size());
      batch.forEach(pending -> pending.done.complete(null));
      statsLog.maybeLog(batches.get(), events.get(), commitNanos.get(), took, queue.size());
    } catch (SQLException e) {
      if (batch.size() == 1) {
        batch.get(0).done.completeExceptionally(e);
        return;
      }
      log.warn(
          "a batch of {} writes failed ({}); writing them one by one",
          batch.size(),
          e.getMessage());
      for (Pending pending : batch) {
        try {
          commit(pending.rows);
          pending.done.complete(null);
        } catch (SQLException single) {
          pending.done.completeExceptionally(single);
        }
      }
    }
  }

  private CommitTiming commit(List<JournalRow> rows) throws SQLException {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      long connected = System.nanoTime();
      connection.setAutoCommit(false);
      try {
        insert.insert(connection, rows);
        long inserted = System.nanoTime();
        connection.commit();
        return new CommitTiming(
            rows.size(), connected - started, inserted - connected, System.nanoTime() - inserted);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }

  /** Writes what is queued, then stops the writer threads. */
  @Override
  public void close() {
    closing = true;
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.done.completeExceptionally(new IllegalStateException("the journal shut down"));
    }
  }
}
