package io.shelfstream.http.health;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code shelfstream.health}: how often the journal's database is checked, and how long a check may
 * take, which together bound how stale readiness can be.
 */
public record HealthSettings(Duration probeInterval, Duration probeTimeout) {

  public HealthSettings {
    if (probeInterval.isNegative() || probeInterval.isZero()) {
      throw new IllegalArgumentException("shelfstream.health.probe-interval must be above 0");
    }
    if (probeTimeout.toMillis() < 1000) {
      throw new IllegalArgumentException(
          "shelfstream.health.probe-timeout must be at least 1s (JDBC counts it in seconds)");
    }
  }

  public static HealthSettings fromConfig(Config root) {
    Config health = root.getConfig("shelfstream.health");
    return new HealthSettings(
        health.getDuration("probe-interval"), health.getDuration("probe-timeout"));
  }
}
