package io.shelfstream.simulations.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.Adjustment;
import io.shelfstream.simulations.event.SimEvent.Count;
import io.shelfstream.simulations.event.SimEvent.Receipt;
import io.shelfstream.simulations.event.SimEvent.Return;
import io.shelfstream.simulations.event.SimEvent.Sale;
import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.event.StoreField;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/** Reads a line that {@link WireValidator} accepts back into a canonical event (tests only). */
public final class WireParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WireParser() {}

  public static SimEvent parse(byte[] line) {
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String eventId = root.get("eventId").asText();
    String source = root.has("source") ? root.get("source").asText() : "pos";
    OffsetDateTime at = OffsetDateTime.parse(root.get("occurredAt").asText());
    String type = root.get("type").asText();
    if (type.equals("store")) {
      Map<StoreField, String> fields = new EnumMap<>(StoreField.class);
      for (StoreField field : StoreField.values()) {
        if (root.has(field.wireName())) {
          fields.put(field, root.get(field.wireName()).asText());
        }
      }
      return new StoreUpdate(eventId, source, at, root.get("storeId").asText(), fields);
    }
    StockKey key = new StockKey(root.get("locationId").asText(), root.get("sku").asText());
    return switch (type) {
      case "count" -> new Count(eventId, source, at, key, root.get("onHand").asLong());
      case "sale" ->
          new Sale(
              eventId,
              source,
              at,
              key,
              root.get("qty").asLong(),
              root.has("unitPrice")
                  ? new BigDecimal(root.get("unitPrice").asText()).movePointRight(2).longValue()
                  : 0,
              root.path("channel").asText(null),
              root.path("till").asText(null));
      case "return" -> new Return(eventId, source, at, key, root.get("qty").asLong());
      case "receipt" -> new Receipt(eventId, source, at, key, root.get("qty").asLong());
      case "adjustment" ->
          new Adjustment(
              eventId, source, at, key, root.get("qty").asLong(), root.get("reason").asText());
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }
}
