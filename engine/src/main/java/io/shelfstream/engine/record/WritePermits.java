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

  private record Waiter(Grant grant, CompletableFuture<Grant> granted) {}

  public WritePermits(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("max-in-flight-events must be at least 1");
    }
    this.capacity = capacity;
    this.available = capacity;
  }

  /**
   * Completes once permits for {@code events} (at most the capacity) are granted; waiters are
   * served FIFO. The batch gives them back through the grant, in parts as its entities answer.
   */
  public CompletionStage<Grant> acquire(int events) {
    var grant = new Grant(Math.min(events, capacity));
    synchronized (this) {
      if (waiters.isEmpty() && available >= grant.held) {
        available -= grant.held;
        return CompletableFuture.completedFuture(grant);
      }
      var waiter = new Waiter(grant, new CompletableFuture<>());
      waiters.add(waiter);
      return waiter.granted;
    }
  }

  private void giveBack(int permits) {
    Queue<Waiter> granted = new ArrayDeque<>();
    synchronized (this) {
      available += permits;
      while (!waiters.isEmpty() && available >= waiters.peek().grant.held) {
        Waiter next = waiters.poll();
        available -= next.grant.held;
        granted.add(next);
      }
    }
    // outside the lock: callbacks run here
    granted.forEach(waiter -> waiter.granted.complete(waiter.grant));
  }

  public synchronized int available() {
    return available;
  }

  /** The permits one batch holds. */
  public final class Grant {
    private int held;

    private Grant(int held) {
      this.held = held;
    }

    /**
     * Gives back the permits of {@code events} answered events (never more than the grant still
     * holds), so that the next batch can start while the rest of this one is still on its way.
     */
    public void release(int events) {
      int returned;
      synchronized (this) {
        returned = Math.min(events, held);
        held -= returned;
      }
      if (returned > 0) {
        giveBack(returned);
      }
    }

    /** Gives back whatever the grant still holds. */
    public void releaseAll() {
      release(Integer.MAX_VALUE);
    }
  }
}
