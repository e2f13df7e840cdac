package io.shelfstream.http.push;

/**
 * Nested orders with line items, and the mapping that makes one sale per line (docs/mapping.md).
 */
final class Orders {
  static final String MAPPING =
      """
      {"each": "line_items", "fields": [
        {"target": "type", "transforms": [{"constant": "sale"}]},
        {"target": "eventId", "source": "order.id"},
        {"target": "occurredAt", "source": "order.created_at", "formats": ["iso"], "zone": "UTC"},
        {"target": "locationId", "source": "order.store"},
        {"target": "channel", "source": "order.channel", "enum": {"IN": "pos", "WEB": "online"}},
        {"target": "sku", "source": "line_items[].sku"},
        {"target": "qty", "source": "line_items[].quantity"},
        {"target": "unitPrice", "source": "line_items[].price.cents",
         "transforms": [{"multiply": 0.01}]}
      ]}""";

  private Orders() {}

  static String order(String id, String store, String... lines) {
    return "{\"order\":{\"id\":\""
        + id
        + "\",\"created_at\":\"2026-03-01T10:00:00+01:00\",\"store\":\""
        + store
        + "\",\"channel\":\"WEB\"},\"line_items\":["
        + String.join(",", lines)
        + "]}";
  }

  static String line(String sku, Object quantity) {
    String qty = quantity instanceof String text ? "\"" + text + "\"" : String.valueOf(quantity);
    return "{\"sku\":\"" + sku + "\",\"quantity\":" + qty + ",\"price\":{\"cents\":250}}";
  }
}
