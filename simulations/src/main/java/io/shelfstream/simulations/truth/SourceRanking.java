package io.shelfstream.simulations.truth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A ranked list of sources, highest first; sources not in the list rank below every listed one.
 * Gives the total order of last-write-wins: instant, then rank, then eventId, then source.
 */
public record SourceRanking(List<String> ranked) {

  public SourceRanking {
    ranked = List.copyOf(ranked);
  }

  /** 0 for the highest-ranked source; every unlisted source shares the lowest rank. */
  public int rank(String source) {
    int index = ranked.indexOf(source);
    return index >= 0 ? index : ranked.size();
  }

  /** Orders stamps from loser to winner: the greatest stamp is the value last-write-wins keeps. */
  public Comparator<Stamp> lastWriteWins() {
    return (a, b) -> {
      int byInstant = a.compareInstant(b);
      if (byInstant != 0) {
        return byInstant;
      }
      int byRank = Integer.compare(rank(b.source()), rank(a.source()));
      if (byRank != 0) {
        return byRank;
      }
      int byEventId = a.eventId().compareTo(b.eventId());
      return byEventId != 0 ? byEventId : a.source().compareTo(b.source());
    };
  }

  /** The order source-priority walks: listed sources in their order, then unlisted ones by name. */
  public List<String> walkOrder(Collection<String> present) {
    List<String> order = new ArrayList<>();
    for (String source : ranked) {
      if (present.contains(source)) {
        order.add(source);
      }
    }
    TreeSet<String> unlisted = new TreeSet<>(present);
    unlisted.removeAll(ranked);
    order.addAll(unlisted);
    return order;
  }
}
