package io.shelfstream.protocols.pos;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.shelfstream.protocols.event.StoreField;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The top-level fields of one JSON line that {@link PosLineParser} reads, taken from a streaming
 * parser in one pass: reading the line as a Jackson tree was a fifth of the node's allocation. Each
 * value is what the tree held, as flat as it can be: a {@code String}; a {@code Long}, or a {@code
 * BigInteger} beyond a long, for a JSON integer; a {@code Double} for any other number (the tree's
 * DoubleNode); else a {@code JsonNode} (true, false, an object or an array, which a decoder only
 * ever describes in an error). Absent fields and JSON nulls are null. Fields that no decoder reads
 * are skipped unread, however large.
 */
final class LineValues {
  /** Every field PosLineParser reads: asking for another one is a bug, and throws. */
  private static final List<String> FIELDS =
      Stream.concat(
              Stream.of(
                  "eventId",
                  "source",
                  "occurredAt",
                  "type",
                  "locationId",
                  "sku",
                  "onHand",
                  "qty",
                  "unitPrice",
                  "channel",
                  "reason",
                  "storeId",
                  "revenue",
                  "customerSegment",
                  "promotionCode",
                  "fulfillment",
                  "reserved",
                  "inTransit",
                  "productId",
                  "externalDemand",
                  "marketTrend",
                  "competitorPrice",
                  "weatherFactor",
                  "eventImpact",
                  "socialSentiment"),
              Stream.of(StoreField.values()).map(StoreField::wireName))
          .toList();

  private static final Map<String, Integer> SLOTS = slots();

  private final Object[] values = new Object[FIELDS.size()];

  private LineValues() {}

  /**
   * Reads the object whose START_OBJECT {@code json} is at, up to its END_OBJECT. Objects and
   * arrays in known fields are read as trees by {@code json}'s codec, an ObjectMapper.
   */
  static LineValues read(JsonParser json) throws IOException {
    var line = new LineValues();
    long known = 0; // a bit per slot: the known fields read so far
    Set<String> unknown = null; // made for the rare line with fields no decoder reads
    for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
      Integer slot = SLOTS.get(name);
      boolean again;
      if (slot == null) {
        if (unknown == null) {
          unknown = new HashSet<>(4);
        }
        again = !unknown.add(name);
      } else {
        again = (known & (1L << slot)) != 0;
        known |= 1L << slot;
      }
      if (again) {
        throw duplicate(json, name);
      }
      JsonToken token = json.nextToken();
      checkDuplicatesWithin(json, token);
      if (slot == null) {
        json.skipChildren();
      } else {
        line.values[slot] = value(json, token);
      }
    }
    return line;
  }

  /**
   * A line's own fields are checked for duplicates here, by their slots, where Jackson's check
   * (STRICT_DUPLICATE_DETECTION) put every name of every line into a set of its own: that set was a
   * twentieth of the node's CPU. Objects nested in a line, rare, keep Jackson's check: enabled on
   * the parser's current context, an object or array just started, and its children.
   */
  static void checkDuplicatesWithin(JsonParser json, JsonToken token) {
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      json.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
  }

  /** As Jackson words it, so that a rejection reads as it did when Jackson checked every name. */
  private static JsonParseException duplicate(JsonParser json, String name) {
    return new JsonParseException(json, "Duplicate field '" + name + "'");
  }

  private static Object value(JsonParser json, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> json.getText();
      case VALUE_NUMBER_INT ->
          json.getNumberType() == NumberType.BIG_INTEGER
              ? json.getBigIntegerValue()
              : (Object) json.getLongValue();
      case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
      case VALUE_NULL -> null;
      case VALUE_TRUE -> BooleanNode.TRUE;
      case VALUE_FALSE -> BooleanNode.FALSE;
      default -> tree(json);
    };
  }

  /**
   * The object or array at {@code json}, read as a deserializer reads a field's value. Not with
   * readValueAsTree: that clears the parser's current token, which the parser names in a later
   * error ("Unexpected end-of-input in END_ARRAY").
   */
  private static JsonNode tree(JsonParser json) throws IOException {
    var mapper = (ObjectMapper) json.getCodec();
    var blueprint = (DefaultDeserializationContext) mapper.getDeserializationContext();
    return blueprint
        .createInstance(mapper.getDeserializationConfig(), json, mapper.getInjectableValues())
        .readTree(json);
  }

  /** The value of {@code field}; null when absent or JSON null. */
  Object get(String field) {
    Integer slot = SLOTS.get(field);
    if (slot == null) {
      throw new IllegalArgumentException("LineValues does not read the field " + field);
    }
    return values[slot];
  }

  private static Map<String, Integer> slots() {
    if (FIELDS.size() > Long.SIZE) {
      throw new IllegalStateException("more fields than bits to mark them read");
    }
    Map<String, Integer> slots = new HashMap<>();
    for (String field : FIELDS) {
      slots.put(field, slots.size());
    }
    return Map.copyOf(slots);
  }
}
