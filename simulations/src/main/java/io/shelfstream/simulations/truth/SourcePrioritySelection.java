package io.shelfstream.simulations.truth;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each source's latest candidate and walks them by rank. The chosen value only ever moves
 * forward in time during the walk, so it is never older than (newest candidate - W): that is the
 * horizon.
 */
public final class SourcePrioritySelection<V> implements Selection<V> {

  private final SourceRanking sources;
  private final Duration staleness;
  private final Comparator<Stamp> order;
  private final Map<String, Candidate<V>> latestBySource = new HashMap<>();
  private Candidate<V> newest;

  SourcePrioritySelection(SourceRanking sources, Duration staleness, Comparator<Stamp> order) {
    this.sources = sources;
    this.staleness = staleness;
    this.order = order;
  }

  @Override
  public void offer(Candidate<V> candidate) {
    latestBySource.merge(candidate.stamp().source(), candidate, this::later);
    newest = newest == null ? candidate : later(newest, candidate);
  }

  @Override
  public Candidate<V> chosen() {
    Candidate<V> chosen = null;
    for (String source : sources.walkOrder(latestBySource.keySet())) {
      Candidate<V> latest = latestBySource.get(source);
      if (chosen == null || isStale(chosen, latest)) {
        chosen = latest;
      }
    }
    return chosen;
  }

  @Override
  public Instant horizon() {
    return newest == null ? null : newest.stamp().occurredAt().toInstant().minus(staleness);
  }

  /**
   * Exactly W newer is not enough: the lower-ranked value must be strictly newer than chosen + W.
   */
  private boolean isStale(Candidate<V> chosen, Candidate<V> lowerRanked) {
    Instant limit = chosen.stamp().occurredAt().toInstant().plus(staleness);
    return lowerRanked.stamp().occurredAt().toInstant().isAfter(limit);
  }

  private Candidate<V> later(Candidate<V> a, Candidate<V> b) {
    return order.compare(b.stamp(), a.stamp()) > 0 ? b : a;
  }
}
