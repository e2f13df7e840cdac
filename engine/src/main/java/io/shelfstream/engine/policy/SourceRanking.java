package io.shelfstream.engine.policy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Sources from the most trusted to the least. Sources not listed rank below every listed one and
 * equal among themselves.
 */
public final class SourceRanking {
  private final List<String> sources;
  private final Comparator<Stamp> lastWriteWins;

  public SourceRanking(List<String> sources) {
    this.sources = List.copyOf(sources);
    this.lastWriteWins =
        Comparator.comparing(Stamp::occurredAt, OffsetDateTime.timeLineOrder())
            .thenComparing(stamp -> -rank(stamp.source()))
            .thenComparing(Stamp::eventId)
            .thenComparing(Stamp::source);
  }

  public List<String> sources() {
    return sources;
  }

  /** 0 for the most trusted source; unlisted sources share the lowest rank. */
  public int rank(String source) {
    int index = sources.indexOf(source);
    return index < 0 ? sources.size() : index;
  }

  /**
   * The last-write-wins order (docs/golden-record.md): later instant, then higher-ranked source,
   * then greater eventId, then greater source name. Total, so a maximum never depends on arrival.
   */
  public Comparator<Stamp> lastWriteWins() {
    return lastWriteWins;
  }

  /** The newer of two values by {@link #lastWriteWins()}; {@code current} may be null. */
  public <T> Versioned<T> newer(Versioned<T> current, Versioned<T> candidate) {
    return current == null || lastWriteWins.compare(candidate.stamp(), current.stamp()) > 0
        ? candidate
        : current;
  }

  /** The sources present, in the order source-priority walks them: listed ones, then by name. */
  public List<String> walkOrder(Collection<String> present) {
    List<String> order = new ArrayList<>(present);
    order.sort(Comparator.comparingInt(this::rank).thenComparing(Comparator.naturalOrder()));
    return order;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceRanking ranking && ranking.sources.equals(sources);
  }

  @Override
  public int hashCode() {
    return sources.hashCode();
  }

  @Override
  public String toString() {
    return "SourceRanking" + sources;
  }
}
