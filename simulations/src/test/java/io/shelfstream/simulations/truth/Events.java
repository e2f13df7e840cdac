package io.shelfstream.simulations.truth;

import io.shelfstream.simulations.event.SimEvent.Adjustment;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.Receipt;
import io.shelfstream.simulations.event.SimEvent.Sale;
import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.event.StoreField;
import java.time.OffsetDateTime;
import java.util.Map;

/** Terse event construction for rule tests. */
final class Events {

  static final StockKey KEY = new StockKey("S001", "SKU-1");

  private Events() {}

  static OffsetDateTime at(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset);
  }

  static Count count(String id, String source, String at, long onHand) {
    return new Count(id, source, at(at), KEY, onHand);
  }

  static Sale sale(String id, String at, long qty) {
    return new Sale(id, "pos", at(at), KEY, qty, 100, "store", "T1");
  }

  static Receipt receipt(String id, String source, String at, long qty) {
    return new Receipt(id, source, at(at), KEY, qty);
  }

  static Adjustment adjustment(String id, String at, long qty) {
    return new Adjustment(id, "pos", at(at), KEY, qty, "shrink");
  }

  static StoreUpdate store(String id, String source, String at, StoreField field, String value) {
    return new StoreUpdate(id, source, at(at), "S001", Map.of(field, value));
  }
}
