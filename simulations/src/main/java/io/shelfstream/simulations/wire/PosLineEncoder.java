package io.shelfstream.simulations.wire;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Adjustment;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.Receipt;
import io.shelfstream.simulations.event.SimEvent.Return;
import io.shelfstream.simulations.event.SimEvent.Sale;
import io.shelfstream.simulations.event.SimEvent.StockEvent;
import io.shelfstream.simulations.event.SimEvent.StoreUpdate;

/**
 * Encodes canonical events as POS NDJSON lines (docs/pos-wire-format.md), without the trailing
 * newline. Till events (sales and returns) from {@code pos} omit {@code source} so that the node's
 * default source is exercised; every other line names its source. Not thread-safe.
 */
public final class PosLineEncoder {

  public static final String DEFAULT_SOURCE = "pos";

  private final JsonLineBuilder json = new JsonLineBuilder();

  public byte[] encode(SimEvent event) {
    json.begin()
        .string("type", type(event))
        .string("eventId", event.eventId())
        .time("occurredAt", event.occurredAt());
    boolean tillEvent = event instanceof Sale || event instanceof Return;
    if (!(tillEvent && DEFAULT_SOURCE.equals(event.source()))) {
      json.string("source", event.source());
    }
    if (event instanceof StockEvent stock) {
      json.string("locationId", stock.key().locationId()).string("sku", stock.key().sku());
    }
    if (event instanceof Count c) {
      json.number("onHand", c.onHand());
    } else if (event instanceof Sale s) {
      json.number("qty", s.qty())
          .rawValue("unitPrice", price(s.unitPriceCents()))
          .string("channel", s.channel())
          .string("till", s.till());
    } else if (event instanceof Return r) {
      json.number("qty", r.qty());
    } else if (event instanceof Receipt r) {
      json.number("qty", r.qty());
    } else if (event instanceof Adjustment a) {
      json.number("qty", a.qty()).string("reason", a.reason());
    } else if (event instanceof StoreUpdate u) {
      json.string("storeId", u.storeId());
      u.fields().forEach((field, value) -> json.string(field.wireName(), value));
    }
    return json.end();
  }

  /** The {@code type} field of an event's line. */
  public static String type(SimEvent event) {
    return event instanceof Count
        ? "count"
        : event instanceof Sale
            ? "sale"
            : event instanceof Return
                ? "return"
                : event instanceof Receipt
                    ? "receipt"
                    : event instanceof Adjustment ? "adjustment" : "store";
  }

  private static String price(long cents) {
    long rest = cents % 100;
    return (cents / 100) + (rest < 10 ? ".0" : ".") + rest;
  }
}
