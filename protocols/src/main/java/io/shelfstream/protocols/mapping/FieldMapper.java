package io.shelfstream.protocols.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.convert.TypeConversion;
import io.shelfstream.protocols.mapping.convert.ValueProblem;
import io.shelfstream.protocols.mapping.path.SourceRef;
import io.shelfstream.protocols.mapping.spec.FieldSpec;
import io.shelfstream.protocols.mapping.transform.Transform;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Fills one target field: read the source, run the transforms in order, read the result as the
 * field's type, then look it up in the enum. An absent value (or empty text) takes the default, or
 * is an error when the field is required, or leaves the field out. Throws {@link ValueProblem}.
 */
final class FieldMapper {
  private static final int MAX_ENUM_KEYS_SHOWN = 10;

  private FieldMapper() {}

  static JsonNode map(FieldSpec field, Function<SourceRef, JsonNode> sources) {
    return map(field, sources, seen -> {});
  }

  /**
   * {@code seen} is given each value the field goes through (read, transformed, converted), so that
   * the reason of a pii field's failure can be told without them.
   */
  static JsonNode map(
      FieldSpec field, Function<SourceRef, JsonNode> sources, Consumer<JsonNode> seen) {
    Function<SourceRef, JsonNode> reading =
        ref -> {
          JsonNode read = sources.apply(ref);
          seen.accept(read);
          return read;
        };
    JsonNode value = field.source() == null ? null : reading.apply(field.source());
    for (Transform transform : field.transforms()) {
      value = transform.apply(value, reading);
      seen.accept(value);
    }
    if (value == null || (value.isTextual() && value.textValue().isEmpty())) {
      if (field.defaultValue() != null) {
        return field.defaultValue();
      }
      if (field.required()) {
        throw new ValueProblem("is required, and the record has no value for it");
      }
      return null;
    }
    JsonNode converted = TypeConversion.convert(value, field.type(), field.timestamps());
    seen.accept(converted);
    return field.enumValues().isEmpty() ? converted : lookUp(field, converted);
  }

  private static JsonNode lookUp(FieldSpec field, JsonNode converted) {
    String key = TypeConversion.enumKey(converted);
    JsonNode mapped = field.enumValues().get(key);
    if (mapped != null) {
      return mapped;
    }
    if (field.enumDefault() != null) {
      return field.enumDefault();
    }
    var known = field.enumValues().keySet().stream().sorted().limit(MAX_ENUM_KEYS_SHOWN).toList();
    String more = field.enumValues().size() > MAX_ENUM_KEYS_SHOWN ? ", ..." : "";
    throw new ValueProblem(
        ValueProblem.show(converted)
            + " is not in the enum ("
            + String.join(", ", known)
            + more
            + ") and the field has no enumDefault");
  }
}
