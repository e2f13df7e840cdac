package io.shelfstream.simulations.truth;

import java.time.Instant;
import java.util.Comparator;

/** Keeps only the greatest candidate: with W = 0, the horizon is the chosen value's instant. */
public final class LastWriteWinsSelection<V> implements Selection<V> {

  private final Comparator<Stamp> order;
  private Candidate<V> chosen;

  LastWriteWinsSelection(Comparator<Stamp> order) {
    this.order = order;
  }

  @Override
  public void offer(Candidate<V> candidate) {
    if (chosen == null || order.compare(candidate.stamp(), chosen.stamp()) > 0) {
      chosen = candidate;
    }
  }

  @Override
  public Candidate<V> chosen() {
    return chosen;
  }

  @Override
  public Instant horizon() {
    return chosen == null ? null : chosen.stamp().occurredAt().toInstant();
  }
}
