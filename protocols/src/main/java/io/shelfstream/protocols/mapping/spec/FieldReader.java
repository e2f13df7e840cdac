package io.shelfstream.protocols.mapping.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.convert.TimestampRule;
import io.shelfstream.protocols.mapping.path.SourcePath;
import io.shelfstream.protocols.mapping.path.SourceRef;
import io.shelfstream.protocols.mapping.pii.PiiRule;
import io.shelfstream.protocols.mapping.transform.Transform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one entry of a mapping's {@code fields}, strictly: every problem is reported under the
 * target's name, and the field is dropped when it has any.
 */
final class FieldReader {
  private static final Set<String> KEYS =
      Set.of(
          "target",
          "source",
          "type",
          "required",
          "default",
          "transforms",
          "enum",
          "enumDefault",
          "formats",
          "zone",
          "pii");

  private final SourcePath each;
  private final Problems problems;

  private final boolean canHash;

  /** {@code canHash}: whether the node has a key for {@code "pii": "hash"} fields. */
  FieldReader(SourcePath each, Problems problems, boolean canHash) {
    this.each = each;
    this.problems = problems;
    this.canHash = canHash;
  }

  /** The field, or null when it has problems (all of them added). */
  FieldSpec read(JsonNode node, int index) {
    String label = "fields[" + index + "]";
    if (!node.isObject()) {
      problems.add(label, "must be an object with at least \"target\"");
      return null;
    }
    int before = problems.count();
    WireField target = target(node.get("target"), label);
    String field = target == null ? label : target.wireName();
    problems.unknownKeys(field, node, KEYS);
    SourceRef source = source(node.get("source"), field);
    ValueType type = type(node.get("type"), target, node.has("enum"), field);
    boolean required = flag(node.get("required"), field);
    List<Transform> transforms =
        new TransformReader(field, each, problems).read(node.get("transforms"));
    var enums = new EnumReader(field, target, problems);
    Map<String, JsonNode> enumValues = enums.values(node.get("enum"));
    JsonNode enumDefault = enums.otherwise(node.get("enumDefault"), node.has("enum"));
    JsonNode defaultValue = defaultValue(node.get("default"), target, required, field);
    TimestampRule timestamps = new TimestampReader(field, problems).read(node, type);
    PiiRule pii = pii(node.get("pii"), target, field);
    // with an enum, the enum's values fill the field: its source may be of any type
    if (target != null && type != null && !node.has("enum")) {
      KindRules.typeProblem(target.kind(), type).ifPresent(problem -> problems.add(field, problem));
    }
    boolean constant = transforms.stream().anyMatch(t -> t instanceof Transform.Constant);
    if (!node.has("source") && !constant && defaultValue == null) {
      problems.add(field, "needs a \"source\", a constant transform or a \"default\"");
    }
    if (problems.count() > before) {
      return null;
    }
    return new FieldSpec(
        target,
        source,
        type,
        required,
        defaultValue,
        transforms,
        enumValues,
        enumDefault,
        timestamps,
        pii);
  }

  private PiiRule pii(JsonNode pii, WireField target, String field) {
    if (pii == null) {
      return null;
    }
    var rule = pii.isTextual() ? PiiRule.fromSpecName(pii.textValue()) : Optional.<PiiRule>empty();
    if (rule.isEmpty()) {
      problems.add(field, "\"pii\" must be \"hash\" or \"drop\", got " + Problems.show(pii));
      return null;
    }
    if (target == WireField.TYPE || target == WireField.OCCURRED_AT) {
      problems.add(field, "cannot be pii: every event needs its " + target.wireName());
    } else if (rule.get() == PiiRule.HASH
        && target != null
        && target.kind() != WireField.Kind.TEXT) {
      problems.add(
          field,
          "\"pii\": \"hash\" gives text, and this field takes "
              + target.kind().naturalType().specName()
              + ": hash into a text field such as customerSegment, or drop it");
    } else if (rule.get() == PiiRule.HASH && !canHash) {
      problems.add(
          field,
          "\"pii\": \"hash\" needs the node's HMAC key, and this node has none: set"
              + " shelfstream.pii.hmac-key (a secret reference such as"
              + " ${env:SHELFSTREAM_PII_KEY}), or drop the field");
    }
    return rule.get();
  }

  private WireField target(JsonNode target, String label) {
    if (target == null || !target.isTextual()) {
      problems.add(label, "\"target\" must name a field: one of " + WireField.allNames());
      return null;
    }
    var field = WireField.fromWireName(target.textValue());
    if (field.isEmpty()) {
      problems.add(
          label,
          "unknown target \"" + target.textValue() + "\", expected one of " + WireField.allNames());
    }
    return field.orElse(null);
  }

  private SourceRef source(JsonNode source, String field) {
    if (source == null) {
      return null;
    }
    if (!source.isTextual()) {
      problems.add(field, "\"source\" must be a path such as properties.first_name");
      return null;
    }
    try {
      return SourceRef.bind(SourcePath.parse(source.textValue()), each);
    } catch (IllegalArgumentException badPath) {
      problems.add(field, badPath.getMessage());
      return null;
    }
  }

  /** Without a type, an enum's keys are read as text, else the source as the target's type. */
  private ValueType type(JsonNode type, WireField target, boolean hasEnum, String field) {
    if (type == null && hasEnum) {
      return ValueType.STRING;
    }
    if (type == null) {
      return target == null ? null : target.kind().naturalType();
    }
    var known =
        type.isTextual() ? ValueType.fromSpecName(type.textValue()) : Optional.<ValueType>empty();
    if (known.isEmpty()) {
      problems.add(
          field,
          "unknown type " + Problems.show(type) + ", expected one of " + ValueType.allNames());
    }
    return known.orElse(null);
  }

  private boolean flag(JsonNode required, String field) {
    if (required != null && !required.isBoolean()) {
      problems.add(field, "\"required\" must be true or false");
    }
    return required != null && required.asBoolean(false);
  }

  private JsonNode defaultValue(JsonNode value, WireField target, boolean required, String field) {
    if (value == null) {
      return null;
    }
    if (required) {
      problems.add(field, "a required field cannot have a default: drop one of them");
    }
    if (target != null) {
      KindRules.valueProblem(target.kind(), value)
          .ifPresent(problem -> problems.add(field, "default " + problem));
    }
    return value;
  }
}
