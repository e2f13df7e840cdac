package io.shelfstream.protocols.mapping;

import io.shelfstream.protocols.mapping.spec.WireField;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid mappings of every shape: for each target, one of several ways to fill it (any transform,
 * enum, default, type or format), from paths that generated records often hold, with or without a
 * fan-out. {@code $S} in a way stands for a source path.
 */
final class ArbitraryMappings {
  private static final List<String> TEXT_WAYS =
      List.of(
          "\"source\": \"$S\"",
          "\"source\": \"$S\", \"transforms\": [\"trim\", \"upper\"]",
          "\"source\": \"$S\", \"transforms\": [\"lower\", {\"concat\": {\"parts\": [{\"source\":"
              + " \"$S\"}, {\"constant\": \"-\"}], \"separator\": \":\"}}]",
          "\"source\": \"$S\", \"default\": \"d\"",
          "\"source\": \"$S\", \"required\": true",
          "\"source\": \"$S\", \"type\": \"boolean\", \"enum\": {\"true\": \"a\", \"false\": \"b\"}",
          "\"source\": \"$S\", \"enum\": {\"S\": \"x\"}, \"enumDefault\": \"y\"",
          "\"transforms\": [{\"constant\": \"k\"}]");

  private static final List<String> TYPE_WAYS =
      List.of(
          "\"source\": \"$S\", \"transforms\": [\"trim\", \"upper\"], \"enum\": {\"S\": \"sale\","
              + " \"R\": \"return\", \"C\": \"count\", \"M\": \"store\", \"A\": \"adjustment\","
              + " \"X\": \"receipt\"}",
          "\"source\": \"$S\", \"type\": \"integer\", \"enum\": {\"1\": \"sale\"},"
              + " \"enumDefault\": \"count\"",
          "\"transforms\": [{\"constant\": \"sale\"}]",
          "\"transforms\": [{\"constant\": \"store\"}]",
          "\"source\": \"$S\"");

  private static final List<String> INTEGER_WAYS =
      List.of(
          "\"source\": \"$S\"",
          "\"source\": \"$S\", \"transforms\": [{\"multiply\": 0.01}]",
          "\"source\": \"$S\", \"type\": \"integer\", \"default\": 1",
          "\"source\": \"$S\", \"enum\": {\"one\": 1}, \"enumDefault\": 2");

  private static final List<String> DECIMAL_WAYS =
      List.of(
          "\"source\": \"$S\"",
          "\"source\": \"$S\", \"type\": \"integer\"",
          "\"source\": \"$S\", \"transforms\": [\"trim\", {\"multiply\": \"0.01\"}]");

  private static final List<String> TIMESTAMP_WAYS =
      List.of(
          "\"source\": \"$S\", \"formats\": [\"iso\"], \"zone\": \"UTC\"",
          "\"source\": \"$S\", \"formats\": [\"epochMillis\", \"dd/MM/yyyy HH:mm:ss\"], \"zone\":"
              + " \"Europe/Paris\"",
          "\"source\": \"$S\", \"formats\": [\"epochSeconds\", \"yyyy-MM-dd\"], \"zone\":"
              + " \"+05:30\"");

  private static final List<String> PATHS =
      List.of("id", "at", "store", "sku", "n", "kind", "t", "order.created_at", "price.cents");

  private static final List<String> ELEMENT_PATHS =
      List.of("line_items[].sku", "line_items[].quantity", "line_items[].price.cents");

  private ArbitraryMappings() {}

  /** A valid mapping's JSON text. */
  static Arbitrary<String> specs() {
    return Arbitraries.of(true, false).flatMap(ArbitraryMappings::specs);
  }

  private static Arbitrary<String> specs(boolean fanOut) {
    List<Arbitrary<String>> fields = new ArrayList<>();
    for (WireField target : WireField.values()) {
      Arbitrary<String> field = field(target, fanOut);
      boolean needed = target == WireField.TYPE || target == WireField.OCCURRED_AT;
      fields.add(needed ? field : field.injectNull(0.4));
    }
    return Combinators.combine(fields)
        .as(
            chosen -> {
              List<String> present = chosen.stream().filter(f -> f != null).toList();
              String each = fanOut ? "\"each\": \"line_items\", " : "";
              return "{" + each + "\"fields\": [" + String.join(", ", present) + "]}";
            });
  }

  private static Arbitrary<String> field(WireField target, boolean fanOut) {
    List<String> paths = new ArrayList<>(PATHS);
    if (fanOut) {
      paths.addAll(ELEMENT_PATHS);
    }
    Arbitrary<String> way = Arbitraries.of(ways(target));
    Arbitrary<String> path = Arbitraries.of(paths);
    return Combinators.combine(way, path, path)
        .as(
            (chosen, first, second) ->
                "{\"target\": \""
                    + target.wireName()
                    + "\", "
                    + chosen.replaceFirst("\\$S", first).replace("$S", second)
                    + "}");
  }

  private static List<String> ways(WireField target) {
    if (target == WireField.TYPE) {
      return TYPE_WAYS;
    }
    return switch (target.kind()) {
      case TEXT -> TEXT_WAYS;
      case INTEGER -> INTEGER_WAYS;
      case DECIMAL -> DECIMAL_WAYS;
      case TIMESTAMP -> TIMESTAMP_WAYS;
    };
  }
}
