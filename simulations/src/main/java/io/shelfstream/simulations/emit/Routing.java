package io.shelfstream.simulations.emit;

/**
 * Lines of one entity always take the same till (or the same side of a mixed run), so that the
 * order the noise stages produced for an entity is the order the node receives.
 */
final class Routing {

  private Routing() {}

  static int bucket(String routingKey, int buckets) {
    return Math.floorMod(routingKey.hashCode(), buckets);
  }
}
