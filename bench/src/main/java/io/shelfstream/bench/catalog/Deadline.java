package io.shelfstream.bench.catalog;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** A bounded wait that says what it waited for when it runs out. */
final class Deadline {
  private final String waitingFor;
  private final Duration limit;
  private final long end;

  private Deadline(String waitingFor, Duration limit) {
    this.waitingFor = waitingFor;
    this.limit = limit;
    this.end = System.nanoTime() + limit.toNanos();
  }

  static Deadline in(Duration limit, String waitingFor) {
    return new Deadline(waitingFor, limit);
  }

  /** Throws when the time is up; otherwise sleeps a little before the caller looks again. */
  void pause(long millis, String state) throws TimeoutException, InterruptedException {
    if (System.nanoTime() > end) {
      throw new TimeoutException(
          "gave up after " + limit.toSeconds() + " s waiting for " + waitingFor + "; " + state);
    }
    Thread.sleep(millis);
  }
}
