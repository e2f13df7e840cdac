package io.shelfstream.protocols.mapping.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.path.SourcePath;
import io.shelfstream.protocols.mapping.path.SourceRef;
import io.shelfstream.protocols.mapping.transform.Transform;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a field's {@code transforms}: {@code "trim"}, {@code "upper"}, {@code "lower"}, {@code
 * {"multiply": 0.01}}, {@code {"constant": "pos"}}, {@code {"concat": {"parts": [{"source":
 * "till"}, {"constant": "x"}], "separator": "-"}}}.
 */
final class TransformReader {
  private static final Map<String, Transform> NAMED =
      Map.of(
          "trim",
          new Transform.Trim(),
          "upper",
          new Transform.Upper(),
          "lower",
          new Transform.Lower());

  private final String field;
  private final SourcePath each;
  private final Problems problems;

  TransformReader(String field, SourcePath each, Problems problems) {
    this.field = field;
    this.each = each;
    this.problems = problems;
  }

  List<Transform> read(JsonNode transforms) {
    List<Transform> read = new ArrayList<>();
    if (transforms == null) {
      return read;
    }
    if (!transforms.isArray()) {
      problems.add(field, "\"transforms\" must be an array");
      return read;
    }
    for (JsonNode transform : transforms) {
      Transform one = one(transform);
      if (one != null) {
        read.add(one);
      }
    }
    return read;
  }

  private Transform one(JsonNode transform) {
    if (transform.isTextual() && NAMED.containsKey(transform.textValue())) {
      return NAMED.get(transform.textValue());
    }
    if (!transform.isObject() || transform.size() != 1) {
      problems.add(
          field,
          "unknown transform "
              + Problems.show(transform)
              + ", expected "
              + "trim, upper, lower, {\"multiply\": n}, {\"constant\": v} or {\"concat\": {...}}");
      return null;
    }
    String name = transform.fieldNames().next();
    JsonNode argument = transform.get(name);
    return switch (name) {
      case "multiply" -> multiply(argument);
      case "constant" -> constant(argument);
      case "concat" -> concat(argument);
      default -> {
        problems.add(field, "unknown transform \"" + name + "\"");
        yield null;
      }
    };
  }

  private Transform multiply(JsonNode factor) {
    if (factor.isNumber() && !factor.isDouble()) {
      return new Transform.Multiply(factor.decimalValue());
    }
    try {
      if (factor.isNumber() || factor.isTextual()) {
        return new Transform.Multiply(new BigDecimal(factor.asText()));
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    problems.add(field, "multiply needs a number, such as 0.01, got " + Problems.show(factor));
    return null;
  }

  private Transform constant(JsonNode value) {
    if (!value.isValueNode() || value.isNull()) {
      problems.add(
          field, "constant needs a string, number or boolean, got " + Problems.show(value));
      return null;
    }
    return new Transform.Constant(value);
  }

  private Transform concat(JsonNode spec) {
    if (!spec.isObject()) {
      problems.add(field, "concat needs {\"parts\": [...], \"separator\": \"...\"}");
      return null;
    }
    int before = problems.count();
    problems.unknownKeys(field, spec, Set.of("parts", "separator"));
    JsonNode separator = spec.path("separator");
    if (!separator.isMissingNode() && !separator.isTextual()) {
      problems.add(field, "concat's separator must be a string");
    }
    JsonNode parts = spec.path("parts");
    if (!parts.isArray() || parts.isEmpty()) {
      problems.add(field, "concat needs a non-empty \"parts\" array");
      return null;
    }
    List<Transform.Part> read = new ArrayList<>();
    for (JsonNode part : parts) {
      read.add(part(part));
    }
    return problems.count() > before ? null : new Transform.Concat(read, separator.asText(""));
  }

  private Transform.Part part(JsonNode part) {
    if (part.isObject() && part.size() == 1 && part.path("source").isTextual()) {
      try {
        SourcePath path = SourcePath.parse(part.get("source").textValue());
        return new Transform.Part(SourceRef.bind(path, each), null);
      } catch (IllegalArgumentException badPath) {
        problems.add(field, "concat: " + badPath.getMessage());
        return null;
      }
    }
    if (part.isObject() && part.size() == 1 && part.path("constant").isTextual()) {
      return new Transform.Part(null, part.get("constant").textValue());
    }
    problems.add(
        field,
        "a concat part must be {\"source\": path} or {\"constant\": text}, got "
            + Problems.show(part));
    return null;
  }
}
