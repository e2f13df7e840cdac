package io.shelfstream.simulations.wire;

import io.shelfstream.simulations.event.Adjustment;
import io.shelfstream.simulations.event.Count;
import io.shelfstream.simulations.event.Receipt;
import io.shelfstream.simulations.event.Return;
import io.shelfstream.simulations.event.Sale;
import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.StockEvent;
import io.shelfstream.simulations.event.StoreUpdate;

/**
 * Encodes canonical events as POS NDJSON lines (docs/pos-wire-format.md), without the trailing
 * newline. Till events (sales and returns) from {@code pos} omit {@code source} so that the node's
 * default source is exercised; every other line names its source. Not thread-safe.
 */
public final class PosLineEncoder {

  public static final String DEFAULT_SOURCE = "pos";

  private final JsonLineBuilder json = new JsonLineBuilder();

  public byte[] encode(SimEvent event) {
    return fields(event).end();
  }

  /**
   * Starts the line of {@code event} with all its fields but leaves the object open, so that a
   * caller can append more fields (malformed lines are built this way).
   */
  public JsonLineBuilder fields(SimEvent event) {
    return fieldsExcept(event, "");
  }

  /** Like {@link #fields} but leaves out the field named {@code omitted}. */
  public JsonLineBuilder fieldsExcept(SimEvent event, String omitted) {
    json.begin();
    put("type", PosType.of(event).wireName(), omitted);
    put("eventId", event.eventId(), omitted);
    if (!omitted.equals("occurredAt")) {
      json.time("occurredAt", event.occurredAt());
    }
    boolean tillEvent = event instanceof Sale || event instanceof Return;
    if (!(tillEvent && DEFAULT_SOURCE.equals(event.source()))) {
      put("source", event.source(), omitted);
    }
    if (event instanceof StockEvent stock) {
      put("locationId", stock.key().locationId(), omitted);
      put("sku", stock.key().sku(), omitted);
    }
    if (event instanceof Count c) {
      putNumber("onHand", c.onHand(), omitted);
    } else if (event instanceof Sale s) {
      putNumber("qty", s.qty(), omitted);
      json.rawValue("unitPrice", price(s.unitPriceCents()))
          .string("channel", s.channel())
          .string("till", s.till());
    } else if (event instanceof Return r) {
      putNumber("qty", r.qty(), omitted);
    } else if (event instanceof Receipt r) {
      putNumber("qty", r.qty(), omitted);
    } else if (event instanceof Adjustment a) {
      putNumber("qty", a.qty(), omitted);
      put("reason", a.reason(), omitted);
    } else if (event instanceof StoreUpdate u) {
      put("storeId", u.storeId(), omitted);
      u.fields().forEach((field, value) -> put(field.wireName(), value, omitted));
    }
    return json;
  }

  private void put(String name, String value, String omitted) {
    if (!name.equals(omitted)) {
      json.string(name, value);
    }
  }

  private void putNumber(String name, long value, String omitted) {
    if (!name.equals(omitted)) {
      json.number(name, value);
    }
  }

  private static String price(long cents) {
    long rest = cents % 100;
    return (cents / 100) + (rest < 10 ? ".0" : ".") + rest;
  }
}
