package io.shelfstream.protocols.pos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.shelfstream.protocols.event.Identifiers;
import io.shelfstream.protocols.event.TextRules;
import io.shelfstream.protocols.time.EventTimes;
import io.shelfstream.protocols.time.IsoTimestamps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * Reads typed fields from one JSON line and collects every problem instead of stopping at the
 * first, so that a sender learns all that is wrong with a line at once. A getter returns null when
 * the field is absent or invalid; check {@link #errors()} before using the values.
 */
final class LineFields {
  static final long MAX_QUANTITY = 1_000_000_000L;

  private final LineValues line;
  private final List<FieldError> errors = new ArrayList<>();

  LineFields(LineValues line) {
    this.line = line;
  }

  List<FieldError> errors() {
    return errors;
  }

  boolean has(String field) {
    return line.get(field) != null;
  }

  void error(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  String requiredText(String field, int maxLength) {
    Object value = line.get(field);
    if (value == null) {
      error(field, "is required");
      return null;
    }
    return text(field, value, maxLength);
  }

  String optionalText(String field, int maxLength) {
    Object value = line.get(field);
    return value == null ? null : text(field, value, maxLength);
  }

  /** Text that names something (an event id, a source): no control characters either. */
  String requiredName(String field, int maxLength) {
    return nameRules(field, requiredText(field, maxLength));
  }

  String optionalName(String field, int maxLength) {
    return nameRules(field, optionalText(field, maxLength));
  }

  private String nameRules(String field, String text) {
    if (text == null) {
      return null;
    }
    var problem = TextRules.nameProblem(text);
    problem.ifPresent(reason -> error(field, reason));
    return problem.isPresent() ? null : text;
  }

  private String text(String field, Object given, int maxLength) {
    if (!(given instanceof String value)) {
      error(field, "must be a string, got " + describe(given));
      return null;
    }
    if (value.isBlank()) {
      error(field, "must not be blank");
      return null;
    }
    if (value.length() > maxLength) {
      error(field, "must be at most " + maxLength + " characters");
      return null;
    }
    var problem = TextRules.problem(value);
    problem.ifPresent(reason -> error(field, reason));
    return problem.isPresent() ? null : value;
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
    if (line.get(field) == null) {
      error(field, "is required");
      return null;
    }
    return optionalInteger(field, rule, ruleText);
  }

  Long optionalInteger(String field, LongPredicate rule, String ruleText) {
    Object given = line.get(field);
    if (given == null) {
      return null;
    }
    if (!(given instanceof Long value) || value > MAX_QUANTITY || value < -MAX_QUANTITY) {
      error(field, "must be " + ruleText + ", got " + describe(given));
      return null;
    }
    if (!rule.test(value)) {
      error(field, "must be " + ruleText + ", got " + value);
      return null;
    }
    return value;
  }

  BigDecimal optionalNonNegativeNumber(String field) {
    return optionalNumber(field, value -> value.signum() >= 0, "a number >= 0");
  }

  /** A number that passes {@code rule}, else {@code ruleText}. */
  BigDecimal optionalNumber(String field, Predicate<BigDecimal> rule, String ruleText) {
    Object given = line.get(field);
    if (given == null) {
      return null;
    }
    BigDecimal value = decimal(given);
    if (value == null || !rule.test(value)) {
      error(field, "must be " + ruleText + ", got " + describe(given));
      return null;
    }
    return value;
  }

  /**
   * A number as Jackson's tree gave it: a double through its shortest decimal form (4.99 is 4.99,
   * 1e3 is 1000.0); none for a number too large to be a finite double (1e400).
   */
  private static BigDecimal decimal(Object value) {
    if (value instanceof Long number) {
      return BigDecimal.valueOf(number);
    }
    if (value instanceof BigInteger number) {
      return new BigDecimal(number);
    }
    if (value instanceof Double number && Double.isFinite(number)) {
      return BigDecimal.valueOf(number);
    }
    return null;
  }

  OffsetDateTime requiredTimestamp(String field) {
    String text = requiredText(field, 64);
    if (text == null) {
      return null;
    }
    try {
      OffsetDateTime at = IsoTimestamps.parse(text);
      var outOfRange = EventTimes.problem(at);
      outOfRange.ifPresent(reason -> error(field, reason));
      return outOfRange.isPresent() ? null : at;
    } catch (DateTimeParseException e) {
      error(field, "must be an ISO-8601 date-time with offset, got \"" + text + "\"");
      return null;
    }
  }

  /** The value as JSON, as Jackson's tree writes it, cut at 40 characters. */
  private static String describe(Object value) {
    String text = tree(value).toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private static JsonNode tree(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value instanceof String text) {
      return nodes.textNode(text);
    }
    if (value instanceof Long number) {
      return nodes.numberNode(number);
    }
    if (value instanceof BigInteger number) {
      return nodes.numberNode(number);
    }
    if (value instanceof Double number) {
      return nodes.numberNode(number);
    }
    return (JsonNode) value;
  }
}
