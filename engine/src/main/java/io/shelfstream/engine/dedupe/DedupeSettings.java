package io.shelfstream.engine.dedupe;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * How long an entity remembers event ids beyond what it needs for correctness: ids of events within
 * {@code window} of the newest event time it has seen, at most {@code maxIds} of them.
 */
public record DedupeSettings(Duration window, int maxIds) {

  public DedupeSettings {
    if (window.isNegative()) {
      throw new IllegalArgumentException("dedupe.window must not be negative");
    }
    if (maxIds < 0) {
      throw new IllegalArgumentException("dedupe.max-ids must not be negative");
    }
  }

  public static DedupeSettings fromConfig(Config config) {
    return new DedupeSettings(config.getDuration("window"), config.getInt("max-ids"));
  }
}
