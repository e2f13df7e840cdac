package io.shelfstream.simulations.emit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces the generator to a target rate with a token bucket. In burst mode traffic comes in bursts:
 * every {@link #BURST_CYCLE_NANOS}, one fifth of the cycle at five times the rate (or unthrottled
 * when no rate is set), then silence; the average stays at the target rate.
 */
public final class Pacer {

  static final long BURST_CYCLE_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final long BURST_ON_NANOS = BURST_CYCLE_NANOS / 5;

  /** Credit the bucket may build up: keeps a slow consumer from causing a catch-up stampede. */
  private static final long MAX_CREDIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final long intervalNanos;
  private final boolean bursts;
  private final long started = System.nanoTime();
  private long nextSlot = started;

  private Pacer(double eventsPerSecond, boolean bursts) {
    double rate = bursts ? eventsPerSecond * 5 : eventsPerSecond;
    this.intervalNanos = rate > 0 ? Math.max(1, (long) (1e9 / rate)) : 0;
    this.bursts = bursts;
  }

  /**
   * @param eventsPerSecond 0 for as fast as possible
   */
  public static Pacer of(double eventsPerSecond, boolean bursts) {
    if (eventsPerSecond < 0) {
      throw new IllegalArgumentException("rate must be >= 0, got " + eventsPerSecond);
    }
    return new Pacer(eventsPerSecond, bursts);
  }

  /** Blocks until the next line may go out. */
  public void acquire() {
    long now = System.nanoTime();
    if (bursts) {
      // parkNanos may return early: re-check until the next burst has started
      for (long intoCycle = (now - started) % BURST_CYCLE_NANOS;
          intoCycle >= BURST_ON_NANOS;
          intoCycle = (now - started) % BURST_CYCLE_NANOS) {
        LockSupport.parkNanos(BURST_CYCLE_NANOS - intoCycle);
        now = System.nanoTime();
      }
    }
    if (intervalNanos == 0) {
      return;
    }
    nextSlot = Math.max(nextSlot, now - MAX_CREDIT_NANOS) + intervalNanos;
    long wait = nextSlot - now;
    // parking for less than ~50 µs costs more than it saves: let small debts accumulate instead
    if (wait > 50_000) {
      LockSupport.parkNanos(wait);
    }
  }
}
