package io.shelfstream.simulations.bench;

import io.shelfstream.simulations.emit.SendStats;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A progress line on stderr every few seconds while a load runs. */
final class Progress implements AutoCloseable {

  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "bench-progress");
            thread.setDaemon(true);
            return thread;
          });

  private Progress(Duration period, Runnable report) {
    ticker.scheduleAtFixedRate(report, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  static Progress every(Duration period, SendStats stats) {
    long started = System.nanoTime();
    return new Progress(
        period,
        () ->
            Console.info(
                "  %,d lines sent, %,d accepted (%,.0f/s so far)",
                stats.sent(),
                stats.accepted(),
                stats.accepted() / ((System.nanoTime() - started) / 1e9)));
  }

  static Progress every(Duration period, Runnable report) {
    return new Progress(period, report);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
