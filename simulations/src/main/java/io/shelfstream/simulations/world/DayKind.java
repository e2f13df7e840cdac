package io.shelfstream.simulations.world;

/** What a calendar day means for a store. */
public enum DayKind {
  REGULAR(1.0),
  /** Stores stay closed: no trading, no deliveries, no counts. */
  CLOSED(0.0),
  /** A shopping peak such as Black Friday or Christmas Eve. */
  PEAK(2.5);

  private final double demandFactor;

  DayKind(double demandFactor) {
    this.demandFactor = demandFactor;
  }

  double demandFactor() {
    return demandFactor;
  }
}
