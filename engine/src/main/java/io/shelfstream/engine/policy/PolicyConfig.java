package io.shelfstream.engine.policy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * Reads one policy block: {@code { policy = last-write-wins }} or {@code { policy =
 * source-priority, sources = [erp, pos], staleness = 24h }}. {@code sources} defaults to the global
 * ranking.
 */
public final class PolicyConfig {
  private PolicyConfig() {}

  public static ConflictPolicy read(Config block, String path, SourceRanking globalRanking) {
    String name = block.getString("policy");
    return switch (name) {
      case "last-write-wins" -> new ConflictPolicy.LastWriteWins(globalRanking);
      case "source-priority" -> {
        SourceRanking ranking =
            block.hasPath("sources")
                ? new SourceRanking(block.getStringList("sources"))
                : globalRanking;
        Duration staleness =
            block.hasPath("staleness") ? block.getDuration("staleness") : Duration.ZERO;
        if (staleness.isNegative()) {
          throw new ConfigException.BadValue(path + ".staleness", "must not be negative");
        }
        yield new ConflictPolicy.SourcePriority(ranking, staleness);
      }
      default ->
          throw new ConfigException.BadValue(
              path + ".policy", "must be last-write-wins or source-priority, got \"" + name + "\"");
    };
  }
}
