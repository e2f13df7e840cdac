package io.shelfstream.simulations.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a served record with the expected one, as {@code TruthJson} writes it, field by field.
 * Times (fields named {@code ...At}) are compared as instants. A served field the expected record
 * lacks must be null inside provenance; at the top it is not compared: {@code version} depends on
 * delivery rather than on the set of events.
 */
final class RecordComparison {

  private RecordComparison() {}

  static List<String> differences(JsonNode expected, JsonNode served) {
    List<String> differences = new ArrayList<>();
    compare("", expected, served, differences);
    return differences;
  }

  private static void compare(
      String path, JsonNode expected, JsonNode served, List<String> differences) {
    expected
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode want = field.getValue();
              JsonNode got = served.path(field.getKey());
              if (want.isObject() && got.isObject()) {
                compare(path + field.getKey() + ".", want, got, differences);
              } else if (!same(field.getKey(), want, got)) {
                differences.add(path + field.getKey() + ": expected " + want + ", got " + got);
              }
            });
    if (!path.isEmpty()) {
      served
          .fields()
          .forEachRemaining(
              field -> {
                if (!expected.has(field.getKey()) && !field.getValue().isNull()) {
                  differences.add(
                      path + field.getKey() + ": expected null, got " + field.getValue());
                }
              });
    }
  }

  private static boolean same(String name, JsonNode want, JsonNode got) {
    if (want.isNull()) {
      return got.isNull() || got.isMissingNode();
    }
    if (want.isNumber()) {
      return got.isIntegralNumber() && got.asLong() == want.asLong();
    }
    if (name.endsWith("At") && want.isTextual() && got.isTextual()) {
      try {
        return OffsetDateTime.parse(want.asText()).isEqual(OffsetDateTime.parse(got.asText()));
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    return want.equals(got);
  }
}
