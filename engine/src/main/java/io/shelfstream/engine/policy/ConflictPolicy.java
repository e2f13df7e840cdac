package io.shelfstream.engine.policy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How one value of the golden record is chosen among the latest value of every source. A pure
 * function of that set, so that the golden record does not depend on arrival order.
 */
public sealed interface ConflictPolicy {

  <T> Optional<Versioned<T>> choose(Map<String, Versioned<T>> latestBySource);

  /**
   * How far before the newest value a future choice can fall. Anything at or before {@code newest -
   * slack} can never be chosen again, nor be after the chosen value (docs/golden-record.md).
   */
  Duration horizonSlack();

  /** The greatest value by {@code ranking}'s last-write-wins order. */
  record LastWriteWins(SourceRanking ranking) implements ConflictPolicy {
    @Override
    public <T> Optional<Versioned<T>> choose(Map<String, Versioned<T>> latestBySource) {
      Versioned<T> newest = null;
      for (Versioned<T> value : latestBySource.values()) {
        newest = ranking.newer(newest, value);
      }
      return Optional.ofNullable(newest);
    }

    @Override
    public Duration horizonSlack() {
      return Duration.ZERO;
    }
  }

  /**
   * The highest-ranked source's value, unless a lower-ranked source's value is newer by more than
   * {@code staleness}: walking down the ranking, a value replaces the chosen one only if it is
   * strictly after {@code chosen + staleness}.
   */
  record SourcePriority(SourceRanking ranking, Duration staleness) implements ConflictPolicy {
    @Override
    public <T> Optional<Versioned<T>> choose(Map<String, Versioned<T>> latestBySource) {
      Versioned<T> chosen = null;
      for (String source : ranking.walkOrder(latestBySource.keySet())) {
        Versioned<T> candidate = latestBySource.get(source);
        if (chosen == null
            || candidate.stamp().isAfter(chosen.stamp().occurredAt().plus(staleness))) {
          chosen = candidate;
        }
      }
      return Optional.ofNullable(chosen);
    }

    @Override
    public Duration horizonSlack() {
      return staleness;
    }
  }
}
