package io.shelfstream.engine.integration;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code shelfstream.integration-runtime.supervision}: how a failing stream is restarted. Delays
 * grow from {@code minBackoff} to {@code maxBackoff} with random jitter; after {@code maxRestarts}
 * failures in a row the integration is {@code failed} until resumed. A stream that has run for
 * {@code resetAfter} without failing starts counting from zero again.
 */
public record SupervisionSettings(
    Duration minBackoff,
    Duration maxBackoff,
    double randomFactor,
    int maxRestarts,
    Duration resetAfter,
    Duration stopTimeout) {

  public static SupervisionSettings fromConfig(Config config) {
    return new SupervisionSettings(
        config.getDuration("min-backoff"),
        config.getDuration("max-backoff"),
        config.getDouble("random-factor"),
        config.getInt("max-restarts"),
        config.getDuration("reset-after"),
        config.getDuration("stop-timeout"));
  }

  /** The delay before restart number {@code attempt} (1 for the first). */
  public Duration backoff(int attempt) {
    double exponential = minBackoff.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
    double capped = Math.min(exponential, maxBackoff.toMillis());
    double jitter = 1 + ThreadLocalRandom.current().nextDouble() * randomFactor;
    return Duration.ofMillis((long) (capped * jitter));
  }
}
