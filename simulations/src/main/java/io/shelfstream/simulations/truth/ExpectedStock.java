package io.shelfstream.simulations.truth;

import io.shelfstream.simulations.event.StockKey;

/**
 * The inventory record the node must serve for one key.
 *
 * @param count the baseline count, null when no count was received
 * @param lastMovement the newest applied movement, null when none applies
 */
public record ExpectedStock(
    StockKey key, long onHand, ChosenCount count, long movementsApplied, Stamp lastMovement) {

  public boolean negative() {
    return onHand < 0;
  }
}
