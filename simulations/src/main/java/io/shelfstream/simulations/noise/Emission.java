package io.shelfstream.simulations.noise;

/** One NDJSON line on its way to the node (without its trailing newline). */
public sealed interface Emission permits ValidLine, MalformedLine {

  byte[] bytes();

  /** The entity the line is about: tills and Kafka partitions are chosen by it. */
  String routingKey();

  /**
   * Lines of one entity always take the same till (or the same side of a mixed run), so that the
   * order the noise stages produced for an entity is the order the node receives.
   */
  default int bucket(int buckets) {
    return Math.floorMod(routingKey().hashCode(), buckets);
  }
}
