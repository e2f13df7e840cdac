package io.shelfstream.protocols.mapping.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.spec.WireField.Kind;
import io.shelfstream.protocols.time.IsoTimestamps;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which types and fixed values (defaults, enum values) can fill a target of each kind, checked when
 * a mapping is compiled so that a mapping cannot be written that fails every record.
 */
final class KindRules {
  private KindRules() {}

  static Optional<String> typeProblem(Kind kind, ValueType type) {
    boolean fits =
        switch (kind) {
          case TEXT -> type == ValueType.STRING;
          case INTEGER -> type == ValueType.INTEGER;
          case DECIMAL -> type == ValueType.DECIMAL || type == ValueType.INTEGER;
          case TIMESTAMP -> type == ValueType.TIMESTAMP;
        };
    return fits
        ? Optional.empty()
        : Optional.of(
            "type "
                + type.specName()
                + " cannot fill a field that takes "
                + kind.naturalType().specName()
                + " (map it through an \"enum\" to give "
                + kind.naturalType().specName()
                + " values)");
  }

  /** Why {@code value} cannot be written as it is into a target of {@code kind}. */
  static Optional<String> valueProblem(Kind kind, JsonNode value) {
    boolean fits =
        switch (kind) {
          case TEXT -> value.isTextual() && !value.textValue().isBlank();
          case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
          case DECIMAL -> value.isNumber();
          case TIMESTAMP -> value.isTextual() && isIsoTimestamp(value.textValue());
        };
    return fits
        ? Optional.empty()
        : Optional.of(
            Problems.show(value) + " is not " + expected(kind) + ", which this field takes");
  }

  private static String expected(Kind kind) {
    return switch (kind) {
      case TEXT -> "a non-blank string";
      case INTEGER -> "an integer";
      case DECIMAL -> "a number";
      case TIMESTAMP -> "an ISO-8601 date-time with offset";
    };
  }

  private static boolean isIsoTimestamp(String text) {
    try {
      IsoTimestamps.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
