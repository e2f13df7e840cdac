package io.shelfstream.simulations.truth;

import java.time.Instant;

/**
 * The values received for one field, resolved by a policy. Offering the same candidate twice
 * changes nothing, and the result does not depend on the order of offers.
 */
public sealed interface Selection<V> permits LastWriteWinsSelection, SourcePrioritySelection {

  void offer(Candidate<V> candidate);

  /** The chosen value, or null when nothing was offered. */
  Candidate<V> chosen();

  /**
   * An instant at or before every value this selection can choose in the future, whatever is
   * offered next; null when nothing was offered. Movements at or before it can never apply again.
   */
  Instant horizon();
}
