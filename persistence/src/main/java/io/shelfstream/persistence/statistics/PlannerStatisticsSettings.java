package io.shelfstream.persistence.statistics;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code shelfstream.persistence.planner-statistics}: when a table's statistics are refreshed. A
 * table is analyzed once more than {@code thresholdRows + scaleFactor * rows} of its rows changed
 * since it was last analyzed, which is autovacuum's own rule.
 */
public record PlannerStatisticsSettings(
    boolean enabled, Duration checkInterval, long thresholdRows, double scaleFactor) {

  public static PlannerStatisticsSettings fromConfig(Config root) {
    Config config = root.getConfig("shelfstream.persistence.planner-statistics");
    var settings =
        new PlannerStatisticsSettings(
            config.getBoolean("enabled"),
            config.getDuration("check-interval"),
            config.getLong("threshold-rows"),
            config.getDouble("scale-factor"));
    if (settings.checkInterval.isNegative() || settings.checkInterval.isZero()) {
      throw new IllegalArgumentException(
          "shelfstream.persistence.planner-statistics.check-interval must be positive");
    }
    if (settings.thresholdRows < 0 || settings.scaleFactor < 0) {
      throw new IllegalArgumentException(
          "shelfstream.persistence.planner-statistics.threshold-rows and scale-factor must not be"
              + " negative");
    }
    return settings;
  }
}
