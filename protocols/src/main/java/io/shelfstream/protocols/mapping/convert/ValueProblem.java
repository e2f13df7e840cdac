package io.shelfstream.protocols.mapping.convert;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why one source value cannot become its field's value. Thrown inside a field's conversion and
 * caught by the mapper, which names the field: stackless, since bad input is expected, not a bug.
 */
public final class ValueProblem extends RuntimeException {
  private static final int MAX_SHOWN = 40;

  public ValueProblem(String reason) {
    super(reason, null, false, false);
  }

  public String reason() {
    return getMessage();
  }

  /** The value as JSON, cut at 40 characters, to quote it in a reason. */
  public static String show(JsonNode value) {
    return JsonBrief.of(value, MAX_SHOWN);
  }

  /** The text of a scalar value (a CSV cell, a JSON string, number or boolean). */
  public static String scalarText(JsonNode value, String what) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    throw new ValueProblem(what + " needs a single value, got " + show(value));
  }
}
