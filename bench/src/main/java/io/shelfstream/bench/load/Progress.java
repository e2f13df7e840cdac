package io.shelfstream.bench.load;

import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.simulations.emit.SendStats;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A progress line every 10 s while a load runs: what is done, its rate, and the time left. */
public final class Progress implements AutoCloseable {
  private static final long PERIOD_SECONDS = 10;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "bench-progress");
            thread.setDaemon(true);
            return thread;
          });

  private Progress(Runnable report) {
    ticker.scheduleAtFixedRate(report, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  /** For a load bounded by time: lines accepted, their rate, and the seconds left. */
  public static Progress ofLoad(SendStats stats, Duration length) {
    return counting("accepted", stats::accepted, 0, length);
  }

  /** For a load bounded by a count and a time: done of total, the rate, an ETA. */
  public static Progress counting(String what, LongSupplier done, long total, Duration cap) {
    long started = System.nanoTime();
    return new Progress(
        () -> {
          double seconds = (System.nanoTime() - started) / 1e9;
          long count = done.getAsLong();
          double rate = count / seconds;
          double left =
              total > 0 && rate > 0
                  ? Math.min((total - count) / rate, cap.toSeconds() - seconds)
                  : cap.toSeconds() - seconds;
          ScenarioContext.say(
              "  %,d %s%s in %.0f s (%,.0f/s), about %.0f s left",
              count,
              what,
              total > 0 ? String.format(" of %,d", total) : "",
              seconds,
              rate,
              Math.max(0, left));
        });
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
