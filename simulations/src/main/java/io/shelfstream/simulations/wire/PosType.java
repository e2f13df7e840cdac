package io.shelfstream.simulations.wire;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Adjustment;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.Receipt;
import io.shelfstream.simulations.event.SimEvent.Return;
import io.shelfstream.simulations.event.SimEvent.Sale;

/** The {@code type} field of a POS line. */
public enum PosType {
  COUNT("count"),
  SALE("sale"),
  RETURN("return"),
  RECEIPT("receipt"),
  ADJUSTMENT("adjustment"),
  STORE("store");

  private final String wireName;

  PosType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static PosType of(SimEvent event) {
    if (event instanceof Count) {
      return COUNT;
    } else if (event instanceof Sale) {
      return SALE;
    } else if (event instanceof Return) {
      return RETURN;
    } else if (event instanceof Receipt) {
      return RECEIPT;
    } else if (event instanceof Adjustment) {
      return ADJUSTMENT;
    }
    return STORE;
  }
}
