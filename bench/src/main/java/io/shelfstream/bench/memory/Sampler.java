package io.shelfstream.bench.memory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a reading at a fixed period until closed. */
final class Sampler implements AutoCloseable {
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

  static Sampler every(Duration period, Runnable reading) {
    Sampler sampler = new Sampler();
    sampler.ticker.scheduleAtFixedRate(reading, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    return sampler;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
