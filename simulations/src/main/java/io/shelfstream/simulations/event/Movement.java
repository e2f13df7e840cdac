package io.shelfstream.simulations.event;

/** A relative stock change; {@link #delta()} is its signed effect on onHand. */
public sealed interface Movement extends StockEvent permits Sale, Return, Receipt, Adjustment {

  long delta();
}
