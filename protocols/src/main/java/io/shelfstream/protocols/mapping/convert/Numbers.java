package io.shelfstream.protocols.mapping.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;

/**
 * Numbers from source values: JSON numbers as they are, text (a CSV cell, a JSON string) as a
 * decimal literal. Exact: {@code "499"} times 0.01 is 4.99, never 4.990000000000001.
 */
public final class Numbers {
  /** Longer numeric text is no price or quantity, and would only cost time to parse. */
  private static final int MAX_TEXT_LENGTH = 64;

  private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private Numbers() {}

  /** The value as a decimal, or a {@link ValueProblem} that starts with {@code what}. */
  public static BigDecimal decimal(JsonNode value, String what) {
    if (value.isNumber()) {
      if (value.isDouble() || value.isFloat()) {
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
          throw new ValueProblem(what + " needs a finite number, got " + ValueProblem.show(value));
        }
        return BigDecimal.valueOf(number);
      }
      return value.decimalValue();
    }
    if (value.isTextual()) {
      String text = value.textValue();
      if (text.length() <= MAX_TEXT_LENGTH && !text.isEmpty()) {
        try {
          return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
          // reported below, as for any other value
        }
      }
    }
    throw new ValueProblem(what + " needs a number, got " + ValueProblem.show(value));
  }

  /** The product, or a {@link ValueProblem} when its exponent overflows. */
  public static BigDecimal multiply(BigDecimal value, BigDecimal factor) {
    try {
      return value.multiply(factor);
    } catch (ArithmeticException overflow) {
      throw new ValueProblem("multiply: the result is out of range");
    }
  }

  /**
   * The decimal as a sender would write it: {@code 10.00} (from 1000 × 0.01) as {@code 10}, and
   * {@code 4.990} as {@code 4.99}, so that it decodes to the same value as the plain POS line.
   */
  public static JsonNode shortest(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0
        && stripped.compareTo(MIN_LONG) >= 0
        && stripped.compareTo(MAX_LONG) <= 0) {
      return LongNode.valueOf(stripped.longValue());
    }
    return DecimalNode.valueOf(stripped);
  }

  /** A whole number within a long: 5, "5", 5.00 (from 500 × 0.01); not 5.5, "5.5" or 1e30. */
  public static long integer(JsonNode value) {
    BigDecimal number;
    try {
      number = decimal(value, "integer");
    } catch (ValueProblem notANumber) {
      throw new ValueProblem("must be an integer, got " + ValueProblem.show(value));
    }
    if (number.compareTo(MIN_LONG) < 0 || number.compareTo(MAX_LONG) > 0) {
      throw new ValueProblem(
          "must be an integer within a 64-bit range, got " + ValueProblem.show(value));
    }
    if (number.signum() != 0 && number.scale() > 0 && number.stripTrailingZeros().scale() > 0) {
      throw new ValueProblem("must be a whole number, got " + ValueProblem.show(value));
    }
    return number.longValue();
  }
}
