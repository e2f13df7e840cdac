package io.shelfstream.http.limits;

import com.typesafe.config.Config;

/**
 * How many requests one client may make ({@code shelfstream.api.rate-limit}): a bucket of {@code
 * burst} requests per client, refilled at {@code requestsPerSecond}. Off when not enabled.
 */
public record RateLimit(boolean enabled, double requestsPerSecond, int burst) {

  public RateLimit {
    if (enabled && !(requestsPerSecond > 0)) {
      throw new IllegalArgumentException(
          "shelfstream.api.rate-limit.requests-per-second must be above 0, got "
              + requestsPerSecond
              + " (or set rate-limit.enabled = off)");
    }
    if (enabled && burst < 1) {
      throw new IllegalArgumentException(
          "shelfstream.api.rate-limit.burst must be at least 1, got " + burst);
    }
  }

  public static RateLimit fromConfig(Config root) {
    Config limit = root.getConfig("shelfstream.api.rate-limit");
    return new RateLimit(
        limit.getBoolean("enabled"), limit.getDouble("requests-per-second"), limit.getInt("burst"));
  }
}
