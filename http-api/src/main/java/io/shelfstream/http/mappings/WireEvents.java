package io.shelfstream.http.mappings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.protocols.event.DemandSignal;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.SaleDetails;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.event.StoreField;
import io.shelfstream.protocols.event.StoreUpdate;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;

/**
 * An event written in the POS wire format (docs/pos-wire-format.md): what a mapping's events look
 * like to the user who wrote it, field for field as the mapping fills them.
 */
final class WireEvents {
  private WireEvents() {}

  static ObjectNode of(RetailEvent event) {
    ObjectNode wire = JsonNodeFactory.instance.objectNode();
    wire.put("type", type(event));
    wire.put("eventId", event.eventId());
    wire.put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt()));
    wire.put("source", event.source());
    if (event instanceof StockCount count) {
      key(wire, count.key());
      wire.put("onHand", count.onHand());
      optional(wire, "reserved", count.reserved());
      optional(wire, "inTransit", count.inTransit());
    } else if (event instanceof StockMovement movement) {
      key(wire, movement.key());
      wire.put("qty", movement.qty());
      optional(wire, "unitPrice", movement.unitPrice());
      optional(wire, "channel", movement.channel());
      optional(wire, "reason", movement.reason());
      sale(wire, movement.sale());
    } else if (event instanceof StoreUpdate store) {
      wire.put("storeId", store.storeId());
      for (StoreField field : StoreField.values()) {
        optional(wire, field.wireName(), store.fields().get(field));
      }
    } else if (event instanceof DemandSignal demand) {
      wire.put("productId", demand.productId());
      wire.put("externalDemand", demand.externalDemand().wireName());
      optional(wire, "marketTrend", demand.marketTrend());
      optional(wire, "competitorPrice", demand.competitorPrice());
      optional(wire, "weatherFactor", demand.weatherFactor());
      optional(wire, "eventImpact", demand.eventImpact());
      optional(wire, "socialSentiment", demand.socialSentiment());
    }
    return wire;
  }

  private static String type(RetailEvent event) {
    if (event instanceof StockMovement movement) {
      return movement.kind().wireName();
    }
    if (event instanceof StockCount) {
      return "count";
    }
    return event instanceof StoreUpdate ? "store" : "demand";
  }

  private static void key(ObjectNode wire, InventoryKey key) {
    wire.put("locationId", key.locationId());
    wire.put("sku", key.sku());
  }

  private static void sale(ObjectNode wire, SaleDetails sale) {
    if (sale != null) {
      optional(wire, "revenue", sale.revenue());
      optional(wire, "customerSegment", sale.customerSegment());
      optional(wire, "promotionCode", sale.promotionCode());
      optional(wire, "fulfillment", sale.fulfillment());
    }
  }

  private static void optional(ObjectNode wire, String field, Object value) {
    if (value instanceof String text) {
      wire.put(field, text);
    } else if (value instanceof Long number) {
      wire.put(field, number);
    } else if (value instanceof BigDecimal number) {
      wire.put(field, number);
    }
  }
}
