package io.shelfstream.protocols.mapping.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a field's {@code enum} ({@code {"IN": "pos", "WEB": "online"}}: source value to field
 * value) and its {@code enumDefault}, the value for a source value the enum does not list. Without
 * an {@code enumDefault}, such a value is an error naming the field.
 */
final class EnumReader {
  private final String field;
  private final WireField target;
  private final Problems problems;

  EnumReader(String field, WireField target, Problems problems) {
    this.field = field;
    this.target = target;
    this.problems = problems;
  }

  Map<String, JsonNode> values(JsonNode spec) {
    Map<String, JsonNode> values = new HashMap<>();
    if (spec == null) {
      return values;
    }
    if (!spec.isObject() || spec.isEmpty()) {
      problems.add(
          field, "\"enum\" must be an object with at least one value, such as {\"IN\": \"pos\"}");
      return values;
    }
    if (target != null && target.kind() == WireField.Kind.TIMESTAMP) {
      problems.add(field, "a timestamp cannot come from an \"enum\"");
      return values;
    }
    for (Iterator<Map.Entry<String, JsonNode>> entries = spec.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (fits(entry.getValue(), "enum value for \"" + entry.getKey() + "\"")) {
        values.put(entry.getKey(), entry.getValue());
      }
    }
    return values;
  }

  JsonNode otherwise(JsonNode value, boolean hasEnum) {
    if (value == null) {
      return null;
    }
    if (!hasEnum) {
      problems.add(field, "\"enumDefault\" needs an \"enum\"");
      return null;
    }
    return fits(value, "enumDefault") ? value : null;
  }

  private boolean fits(JsonNode value, String what) {
    if (target == null) {
      return true;
    }
    var problem = KindRules.valueProblem(target.kind(), value);
    problem.ifPresent(reason -> problems.add(field, what + ": " + reason));
    return problem.isEmpty();
  }
}
