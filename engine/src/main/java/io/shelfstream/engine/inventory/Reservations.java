package io.shelfstream.engine.inventory;

/**
 * What a count may say besides the units on hand: how many of them are promised to orders ({@code
 * reserved}) and how many are on their way to the location ({@code inTransit}); null when the count
 * does not say. A record keeps these only for counts that gave them, so that a record whose counts
 * never do costs no more memory than before they existed.
 */
public record Reservations(Long reserved, Long inTransit) {

  /** The parts given, or null when neither is. */
  public static Reservations of(Long reserved, Long inTransit) {
    return reserved == null && inTransit == null ? null : new Reservations(reserved, inTransit);
  }
}
