package io.shelfstream.simulations.noise;

/**
 * The ways a second source contradicts an event, each aimed at one tie-break of the total order.
 */
enum ConflictKind {
  /** Another listed source at the same instant: source rank decides. */
  OTHER_SOURCE_SAME_INSTANT,
  /** The same, with the instant written in another offset: must still be a tie. */
  OTHER_SOURCE_SAME_INSTANT_OTHER_OFFSET,
  /** The same source at the same instant: the greater eventId decides. */
  SAME_SOURCE_SAME_INSTANT,
  /** A source missing from the ranking at the same instant: it ranks below every listed one. */
  UNLISTED_SOURCE_SAME_INSTANT,
  /**
   * Two more values from the same source and instant whose ids differ only by a character above
   * U+FFFF and one in U+E000-U+FFFF: UTF-16 order and code-point order disagree on them.
   */
  UTF16_ORDERED_EVENT_IDS,
  /** Another source a few minutes before or after: time decides, or the staleness window. */
  OTHER_SOURCE_NEARBY
}
