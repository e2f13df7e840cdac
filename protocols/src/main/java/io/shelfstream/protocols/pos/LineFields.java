package io.shelfstream.protocols.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.protocols.event.Identifiers;
import io.shelfstream.protocols.time.IsoTimestamps;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Reads typed fields from one JSON line and collects every problem instead of stopping at the
 * first, so that a sender learns all that is wrong with a line at once. A getter returns null when
 * the field is absent or invalid; check {@link #errors()} before using the values.
 */
final class LineFields {
  static final long MAX_QUANTITY = 1_000_000_000L;

  private final ObjectNode line;
  private final List<FieldError> errors = new ArrayList<>();

  LineFields(ObjectNode line) {
    this.line = line;
  }

  List<FieldError> errors() {
    return errors;
  }

  boolean has(String field) {
    JsonNode node = line.get(field);
    return node != null && !node.isNull();
  }

  void error(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  String requiredText(String field, int maxLength) {
    JsonNode node = line.get(field);
    if (node == null || node.isNull()) {
      error(field, "is required");
      return null;
    }
    return text(field, node, maxLength);
  }

  String optionalText(String field, int maxLength) {
    JsonNode node = line.get(field);
    return node == null || node.isNull() ? null : text(field, node, maxLength);
  }

  private String text(String field, JsonNode node, int maxLength) {
    if (!node.isTextual()) {
      error(field, "must be a string, got " + describe(node));
      return null;
    }
    String value = node.textValue();
    if (value.isBlank()) {
      error(field, "must not be blank");
      return null;
    }
    if (value.length() > maxLength) {
      error(field, "must be at most " + maxLength + " characters");
      return null;
    }
    return value;
  }

  String requiredId(String field) {
    String value = requiredText(field, Integer.MAX_VALUE);
    if (value == null) {
      return null;
    }
    var problem = Identifiers.problem(value);
    problem.ifPresent(reason -> error(field, reason));
    return problem.isPresent() ? null : value;
  }

  /**
   * A whole number within ±{@link #MAX_QUANTITY} that passes {@code rule}, else {@code ruleText}.
   */
  Long requiredInteger(String field, LongPredicate rule, String ruleText) {
    JsonNode node = line.get(field);
    if (node == null || node.isNull()) {
      error(field, "is required");
      return null;
    }
    if (!node.isIntegralNumber()
        || !node.canConvertToLong()
        || Math.abs(node.longValue()) > MAX_QUANTITY) {
      error(field, "must be " + ruleText + ", got " + describe(node));
      return null;
    }
    long value = node.longValue();
    if (!rule.test(value)) {
      error(field, "must be " + ruleText + ", got " + value);
      return null;
    }
    return value;
  }

  BigDecimal optionalNonNegativeNumber(String field) {
    JsonNode node = line.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber() || node.decimalValue().signum() < 0) {
      error(field, "must be a number >= 0, got " + describe(node));
      return null;
    }
    return node.decimalValue();
  }

  OffsetDateTime requiredTimestamp(String field) {
    String text = requiredText(field, 64);
    if (text == null) {
      return null;
    }
    try {
      return IsoTimestamps.parse(text);
    } catch (DateTimeParseException e) {
      error(field, "must be an ISO-8601 date-time with offset, got \"" + text + "\"");
      return null;
    }
  }

  private static String describe(JsonNode node) {
    String text = node.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
