package io.shelfstream.protocols.mapping.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shelfstream.protocols.mapping.spec.ValueType;
import java.math.BigDecimal;

/**
 * Reads a transformed source value as its field's type, giving the JSON value the POS rules then
 * check: text, a long, a decimal, a boolean, or an ISO-8601 timestamp with offset. Throws {@link
 * ValueProblem} saying what was expected and what came.
 */
public final class TypeConversion {
  private TypeConversion() {}

  /** {@code timestamps} is the field's timestamp rule, used for {@link ValueType#TIMESTAMP}. */
  public static JsonNode convert(JsonNode value, ValueType type, TimestampRule timestamps) {
    return switch (type) {
      case STRING -> TextNode.valueOf(text(value));
      case INTEGER -> LongNode.valueOf(Numbers.integer(value));
      case DECIMAL -> Numbers.shortest(decimal(value));
      case BOOLEAN -> BooleanNode.valueOf(bool(value));
      case TIMESTAMP -> TextNode.valueOf(timestamps.toIso(value));
    };
  }

  /** How a converted value is looked up in an enum mapping: "IN", "5", "true". */
  public static String enumKey(JsonNode converted) {
    return converted.isTextual() ? converted.textValue() : converted.toString();
  }

  private static String text(JsonNode value) {
    if (value.isValueNode()) {
      return value.asText();
    }
    throw new ValueProblem("must be a single value, got " + ValueProblem.show(value));
  }

  private static BigDecimal decimal(JsonNode value) {
    try {
      return Numbers.decimal(value, "decimal");
    } catch (ValueProblem notANumber) {
      throw new ValueProblem("must be a number, got " + ValueProblem.show(value));
    }
  }

  private static boolean bool(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && value.textValue().equalsIgnoreCase("true")) {
      return true;
    }
    if (value.isTextual() && value.textValue().equalsIgnoreCase("false")) {
      return false;
    }
    throw new ValueProblem("must be true or false, got " + ValueProblem.show(value));
  }
}
