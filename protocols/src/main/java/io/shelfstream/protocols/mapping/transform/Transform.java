package io.shelfstream.protocols.mapping.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shelfstream.protocols.mapping.convert.Numbers;
import io.shelfstream.protocols.mapping.convert.ValueProblem;
import io.shelfstream.protocols.mapping.path.SourceRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One step applied to a field's source value, in the order the mapping lists them. An absent value
 * (null) stays absent, except through {@code constant} and {@code concat}, which can make one.
 * Throws {@link ValueProblem} when the value does not suit the step.
 */
public sealed interface Transform {

  JsonNode apply(JsonNode value, Function<SourceRef, JsonNode> sources);

  record Trim() implements Transform {
    @Override
    public JsonNode apply(JsonNode value, Function<SourceRef, JsonNode> sources) {
      return value == null
          ? null
          : TextNode.valueOf(ValueProblem.scalarText(value, "trim").strip());
    }
  }

  record Upper() implements Transform {
    @Override
    public JsonNode apply(JsonNode value, Function<SourceRef, JsonNode> sources) {
      return value == null
          ? null
          : TextNode.valueOf(ValueProblem.scalarText(value, "upper").toUpperCase(Locale.ROOT));
    }
  }

  record Lower() implements Transform {
    @Override
    public JsonNode apply(JsonNode value, Function<SourceRef, JsonNode> sources) {
      return value == null
          ? null
          : TextNode.valueOf(ValueProblem.scalarText(value, "lower").toLowerCase(Locale.ROOT));
    }
  }

  /** Multiplies a number (or numeric text) exactly, e.g. by 0.01 to turn cents into units. */
  record Multiply(BigDecimal factor) implements Transform {
    @Override
    public JsonNode apply(JsonNode value, Function<SourceRef, JsonNode> sources) {
      return value == null
          ? null
          : DecimalNode.valueOf(Numbers.multiply(Numbers.decimal(value, "multiply"), factor));
    }
  }

  /** Replaces the value, present or not, with a fixed one. */
  record Constant(JsonNode constant) implements Transform {
    @Override
    public JsonNode apply(JsonNode value, Function<SourceRef, JsonNode> sources) {
      return constant;
    }
  }

  /** A part of a {@code concat}: another source's value, or fixed text. */
  record Part(SourceRef source, String constant) {
    JsonNode value(Function<SourceRef, JsonNode> sources) {
      return source != null ? sources.apply(source) : TextNode.valueOf(constant);
    }
  }

  /**
   * Joins the value and the parts' values with {@code separator}, skipping absent ones; absent when
   * all are.
   */
  record Concat(List<Part> parts, String separator) implements Transform {
    @Override
    public JsonNode apply(JsonNode value, Function<SourceRef, JsonNode> sources) {
      StringBuilder joined = new StringBuilder();
      boolean any = false;
      if (value != null) {
        joined.append(ValueProblem.scalarText(value, "concat"));
        any = true;
      }
      for (Part part : parts) {
        JsonNode partValue = part.value(sources);
        if (partValue != null) {
          joined.append(any ? separator : "").append(ValueProblem.scalarText(partValue, "concat"));
          any = true;
        }
      }
      return any ? TextNode.valueOf(joined.toString()) : null;
    }
  }
}
