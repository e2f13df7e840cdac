package io.shelfstream.persistence.groupcommit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
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
 * one insert, whoever it came from (the journal's events of all entities; the dead letters of all
 * requests). A transaction's cost is mostly its commit, a flush of the database's log, not its
 * rows. Under load batches grow by themselves (writes queue up while a batch is committing); when
 * idle a write is committed at once. If a batch fails, its writes are retried one by one so that
 * only a write that cannot be stored fails (e.g. a sequence number written twice by two nodes); but
 * when the database cannot be reached, every write of the batch fails at once.
 */
public final class GroupCommitWriter<T> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  /** Writes {@code items} in the caller's transaction, in as few round trips as it can. */
  public interface Insert<T> {
    void insert(Connection connection, List<T> items) throws SQLException;
  }

  private record Pending<T>(List<T> items, CompletableFuture<Void> done) {}

  private final String name;
  private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
  private final DataSource dataSource;
  private final Insert<T> insert;
  private final int maxBatchItems;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong commitNanos = new AtomicLong();
  private final WriterStatsLog statsLog;
  private volatile boolean closing;

  /**
   * {@code name} and {@code itemsName} name the writer and what it writes in its threads and logs
   * ("journal", "events"); {@code writers} threads commit batches of at most {@code maxBatchItems}.
   */
  public GroupCommitWriter(
      String name,
      String itemsName,
      DataSource dataSource,
      Insert<T> insert,
      int writers,
      int maxBatchItems) {
    this.name = name;
    this.dataSource = dataSource;
    this.insert = insert;
    this.maxBatchItems = maxBatchItems;
    this.statsLog = new WriterStatsLog(name, itemsName);
    for (int i = 0; i < writers; i++) {
      Thread thread =
          new Thread(this::run, "shelfstream-" + name.replace(' ', '-') + "-writer-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Completes once the items are committed. */
  public CompletionStage<Void> write(List<T> items) {
    var pending = new Pending<>(items, new CompletableFuture<Void>());
    if (closing) {
      pending.done.completeExceptionally(
          new IllegalStateException("the " + name + " is shutting down"));
    } else {
      queue.add(pending);
    }
    return pending.done;
  }

  /** Transactions and items written so far, for the logs, benchmarks and tests. */
  public long batches() {
    return batches.get();
  }

  public long items() {
    return items.get();
  }

  /**
   * Commits everything queued as one batch, on the caller's thread (for a writer made with no
   * threads).
   */
  public void flushQueued() {
    Pending<T> first = queue.poll();
    if (first != null) {
      flush(drainAfter(first));
    }
  }

  private void run() {
    while (!closing || !queue.isEmpty()) {
      try {
        Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          flush(drainAfter(first));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("{} writer failed unexpectedly; it goes on with the next batch", name, e);
      }
    }
  }

  private List<Pending<T>> drainAfter(Pending<T> first) {
    List<Pending<T>> batch = new ArrayList<>();
    batch.add(first);
    int size = first.items.size();
    Pending<T> next;
    while (size < maxBatchItems && (next = queue.poll()) != null) {
      batch.add(next);
      size += next.items.size();
    }
    return batch;
  }

  private void flush(List<Pending<T>> batch) {
    List<T> rows = new ArrayList<>();
    batch.forEach(pending -> rows.addAll(pending.items));
    try {
      CommitTiming took = commit(rows);
      commitNanos.addAndGet(took.totalNanos());
      batches.incrementAndGet();
      items.addAndGet(rows.size());
      batch.forEach(pending -> pending.done.complete(null));
      statsLog.maybeLog(batches.get(), items.get(), commitNanos.get(), took, queue.size());
    } catch (SQLException | RuntimeException e) {
      if (batch.size() == 1 || isConnectionFailure(e)) {
        // Retried one by one, each write of a batch would wait for a connection in turn while the
        // database is down (the pool's connection timeout times the batch's writes), holding this
        // thread and the writes queued behind it long after their callers gave up on them.
        batch.forEach(pending -> pending.done.completeExceptionally(e));
        return;
      }
      log.warn(
          "a {} batch of {} writes failed ({}); writing them one by one",
          name,
          batch.size(),
          e.getMessage());
      for (Pending<T> pending : batch) {
        try {
          commit(pending.items);
          pending.done.complete(null);
        } catch (SQLException | RuntimeException single) {
          pending.done.completeExceptionally(single);
        }
      }
    }
  }

  /**
   * The database could not be reached or the connection broke: nothing about the rows, so no write
   * of the batch would fare better alone. SQLSTATE class 08 is "connection exception"; the pool
   * reports a connection it could not make in time as a transient connection exception.
   */
  static boolean isConnectionFailure(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException) {
        return true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  private CommitTiming commit(List<T> rows) throws SQLException {
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
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          // a broken connection cannot roll back: the error that broke it is the one to report
          e.addSuppressed(rollback);
        }
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
    Pending<T> left;
    while ((left = queue.poll()) != null) {
      left.done.completeExceptionally(new IllegalStateException("the " + name + " shut down"));
    }
  }
}
