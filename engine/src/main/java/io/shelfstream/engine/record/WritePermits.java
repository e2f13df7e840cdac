package io.shelfstream.engine.record;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How many events may be on their way to the journal at once, node-wide. A batch waits (without
 * blocking a thread) until its events fit, which backpressures every stream feeding the node, so an
 * input burst slows its senders down instead of overflowing the journal's queue.
 */
public final class WritePermits {
  private final int capacity;
  private int available;
  private final Queue<Waiter> waiters = new ArrayDeque<>();

  private record Waiter(int permits, CompletableFuture<Void> granted) {}

  public WritePermits(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("max-in-flight-events must be at least 1");
    }
    this.capacity = capacity;
    this.available = capacity;
  }

  /** Completes once {@code permits} (at most the capacity) are granted; waiters are served FIFO. */
  public CompletionStage<Void> acquire(int permits) {
    int wanted = Math.min(permits, capacity);
    synchronized (this) {
      if (waiters.isEmpty() && available >= wanted) {
        available -= wanted;
        return CompletableFuture.completedFuture(null);
      }
      var waiter = new Waiter(wanted, new CompletableFuture<>());
      waiters.add(waiter);
      return waiter.granted;
    }
  }

  public void release(int permits) {
    int returned = Math.min(permits, capacity);
    Queue<CompletableFuture<Void>> granted = new ArrayDeque<>();
    synchronized (this) {
      available += returned;
      while (!waiters.isEmpty() && available >= waiters.peek().permits) {
        Waiter next = waiters.poll();
        available -= next.permits;
        granted.add(next.granted);
      }
    }
    granted.forEach(future -> future.complete(null)); // outside the lock: callbacks run here
  }

  public synchronized int available() {
    return available;
  }
}
