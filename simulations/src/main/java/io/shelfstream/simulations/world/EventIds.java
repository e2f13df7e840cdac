package io.shelfstream.simulations.world;

/**
 * Event ids of the world: a type prefix and one sequence over the whole run, so ids are unique per
 * source. Unpadded on purpose: "c-10" sorts before "c-9" by String.compareTo, which the node's
 * eventId tie-break must honour rather than numeric order.
 */
final class EventIds {

  private long next = 1;

  String next(String prefix) {
    return prefix + "-" + next++;
  }
}
