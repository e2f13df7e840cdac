package io.shelfstream.persistence.deadletter;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes of many callers committed together, as the journal's are: one transaction at a time, and
 * what arrives while it commits goes into the next. A transaction's cost is mostly its commit (a
 * flush of PostgreSQL's WAL), not its rows. If a group fails, its writes are tried one by one, so
 * that only a write that cannot be stored fails.
 */
final class GroupCommit<T> {
  /** Writes {@code items} in one transaction and commits it. */
  interface Transaction<T> {
    void commit(List<T> items) throws SQLException;
  }

  private record Pending<T>(List<T> items, CompletableFuture<Void> done) {}

  private final ConcurrentLinkedQueue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicLong transactions = new AtomicLong();
  private final Executor blocking;
  private final Transaction<T> transaction;
  private final int maxItems;

  /** {@code blocking} runs the transactions; at most {@code maxItems} items go into one. */
  GroupCommit(Executor blocking, Transaction<T> transaction, int maxItems) {
    this.blocking = blocking;
    this.transaction = transaction;
    this.maxItems = maxItems;
  }

  /** Completes once {@code items} are committed. */
  CompletionStage<Void> submit(List<T> items) {
    var pending = new Pending<>(items, new CompletableFuture<Void>());
    queue.add(pending);
    startDraining();
    return pending.done;
  }

  /** Transactions committed so far (groups, and writes retried alone). */
  long transactions() {
    return transactions.get();
  }

  private void startDraining() {
    if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
      return;
    }
    try {
      blocking.execute(this::drain);
    } catch (RejectedExecutionException e) {
      draining.set(false);
      for (Pending<T> left; (left = queue.poll()) != null; ) {
        left.done.completeExceptionally(e);
      }
    }
  }

  private void drain() {
    try {
      for (List<Pending<T>> group = nextGroup(); !group.isEmpty(); group = nextGroup()) {
        commit(group);
      }
    } finally {
      draining.set(false);
      // a write queued after the last poll, while the flag was still set, would wait forever
      startDraining();
    }
  }

  private List<Pending<T>> nextGroup() {
    List<Pending<T>> group = new ArrayList<>();
    int items = 0;
    Pending<T> next;
    while (items < maxItems && (next = queue.poll()) != null) {
      group.add(next);
      items += next.items.size();
    }
    return group;
  }

  private void commit(List<Pending<T>> group) {
    List<T> items = new ArrayList<>();
    group.forEach(pending -> items.addAll(pending.items));
    try {
      commitCounted(items);
      group.forEach(pending -> pending.done.complete(null));
    } catch (SQLException | RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).done.completeExceptionally(e);
        return;
      }
      for (Pending<T> pending : group) {
        try {
          commitCounted(pending.items);
          pending.done.complete(null);
        } catch (SQLException | RuntimeException single) {
          pending.done.completeExceptionally(single);
        }
      }
    }
  }

  private void commitCounted(List<T> items) throws SQLException {
    transactions.incrementAndGet();
    transaction.commit(items);
  }
}
