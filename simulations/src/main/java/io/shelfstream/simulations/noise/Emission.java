package io.shelfstream.simulations.noise;

/** One NDJSON line on its way to the node (without its trailing newline). */
public sealed interface Emission permits ValidLine, MalformedLine {

  byte[] bytes();

  /** The entity the line is about: tills and Kafka partitions are chosen by it. */
  String routingKey();
}
