package io.shelfstream.simulations.truth;

import java.time.Duration;
import java.util.List;

/** How competing values of one kind are resolved (docs/golden-record.md, "Policies"). */
public sealed interface Policy permits Policy.LastWriteWins, Policy.SourcePriority {

  /** A fresh, empty selection that resolves candidates by this policy. */
  <V> Selection<V> newSelection(SourceRanking globalRanking);

  /** The greatest value by the global order. */
  record LastWriteWins() implements Policy {

    @Override
    public <V> Selection<V> newSelection(SourceRanking globalRanking) {
      return new LastWriteWinsSelection<>(globalRanking.lastWriteWins());
    }
  }

  /**
   * The highest-ranked source's latest value, unless a lower-ranked source's latest value is
   * strictly newer than it plus the staleness window.
   */
  record SourcePriority(SourceRanking sources, Duration staleness) implements Policy {

    public SourcePriority {
      if (staleness.isNegative()) {
        throw new IllegalArgumentException("staleness must not be negative, got " + staleness);
      }
    }

    public SourcePriority(List<String> sources, Duration staleness) {
      this(new SourceRanking(sources), staleness);
    }

    @Override
    public <V> Selection<V> newSelection(SourceRanking globalRanking) {
      return new SourcePrioritySelection<>(sources, staleness, globalRanking.lastWriteWins());
    }
  }
}
