package io.shelfstream.protocols.event;

/** A change to the stock, relative to what was there. */
public enum MovementKind {
  SALE("sale"),
  RETURN("return"),
  RECEIPT("receipt"),
  /** Signed: the quantity already carries its direction (shrink is negative). */
  ADJUSTMENT("adjustment");

  private final String wireName;

  MovementKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The change to the units on hand that {@code qty} of this kind makes. */
  public long delta(long qty) {
    return this == SALE ? -qty : qty;
  }
}
