package io.shelfstream.protocols.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Generators of JSON trees of any shape, whose keys and texts often are those mappings read. */
final class ArbitraryJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Keys the mappings below read, so that generated records often match them, and others. */
  private static final List<String> KEYS =
      List.of(
          "id",
          "at",
          "store",
          "sku",
          "n",
          "kind",
          "ch",
          "level",
          "order",
          "created_at",
          "line_items",
          "quantity",
          "price",
          "cents",
          "lines",
          "Movement",
          "Ticket No.",
          "Line",
          "Date",
          "Shop",
          "EAN",
          "Qty",
          "Price (cents)",
          "Channel",
          "t",
          "refund",
          "name");

  private static final List<String> TEXTS =
      List.of(
          "S",
          "R",
          "C",
          " s ",
          "VTE",
          "RET",
          "2026-03-01T00:00:00Z",
          "2026-03-01T10:00:00+01:00",
          "01/03/2026 09:15:00",
          "+999999999-12-31T23:59:59Z",
          "\ud83d",
          "a\u0000b",
          "",
          "  ",
          "1e999999999",
          "NaN",
          "-0",
          "99999999999999999999",
          "4.99",
          "true",
          "x|y",
          "\u0007");

  private ArbitraryJson() {}

  static Arbitrary<String> keys() {
    return Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(6));
  }

  static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.of(TEXTS),
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.longs().map(String::valueOf));
  }

  static Arbitrary<JsonNode> scalars() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, texts().map(NODES::textNode)),
        Tuple.of(2, Arbitraries.longs().map(NODES::numberNode)),
        Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)),
        Tuple.of(1, Arbitraries.bigDecimals().map(d -> NODES.numberNode((BigDecimal) d))),
        Tuple.of(
            1,
            Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode())));
  }

  static Arbitrary<JsonNode> objects(int depth) {
    return objects(depth, keys());
  }

  static Arbitrary<JsonNode> objects(int depth, Arbitrary<String> keys) {
    return Arbitraries.maps(keys, value(depth, keys))
        .ofMaxSize(8)
        .map(
            fields -> {
              ObjectNode object = NODES.objectNode();
              fields.forEach(object::set);
              return object;
            });
  }

  static Arbitrary<JsonNode> value(int depth, Arbitrary<String> keys) {
    if (depth <= 0) {
      return scalars();
    }
    Arbitrary<JsonNode> arrays =
        Arbitraries.lazy(() -> value(depth - 1, keys))
            .list()
            .ofMaxSize(4)
            .map(
                items -> {
                  ArrayNode array = NODES.arrayNode();
                  items.forEach(array::add);
                  return array;
                });
    return Arbitraries.frequencyOf(
        Tuple.of(4, scalars()),
        Tuple.of(1, Arbitraries.lazy(() -> objects(depth - 1, keys))),
        Tuple.of(1, arrays));
  }
}
