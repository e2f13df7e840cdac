package io.shelfstream.protocols.mapping.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.path.SourcePath;
import io.shelfstream.protocols.mapping.path.SourceRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates a mapping given as JSON (HOCON rendered as JSON reads the same): {@code
 * {"each": "line_items", "fields": [...]}}. Strict, and reports every problem, never only the
 * first. Never throws.
 */
public final class SpecReader {
  private static final List<WireField> EVERY_EVENT_NEEDS =
      List.of(WireField.TYPE, WireField.OCCURRED_AT);

  private SpecReader() {}

  /** A validated mapping, or every problem with it. */
  public sealed interface Outcome {}

  public record Valid(MappingSpec spec) implements Outcome {}

  public record Invalid(List<SpecProblem> problems) implements Outcome {
    public Invalid {
      problems = List.copyOf(problems);
    }
  }

  /** A mapping read by a node without a key for {@code "pii": "hash"} fields. */
  public static Outcome read(JsonNode spec) {
    return read(spec, false);
  }

  /** {@code canHash}: whether the node has a key for {@code "pii": "hash"} fields. */
  public static Outcome read(JsonNode spec, boolean canHash) {
    var problems = new Problems();
    if (spec == null || !spec.isObject()) {
      problems.add("mapping", "must be a JSON object with \"fields\"");
      return new Invalid(problems.all());
    }
    problems.unknownKeys("mapping", spec, Set.of("each", "fields"));
    SourcePath each = each(spec.get("each"), problems);
    JsonNode fields = spec.get("fields");
    if (fields == null || !fields.isArray() || fields.isEmpty()) {
      problems.add("mapping", "\"fields\" must be a non-empty array of {\"target\": ..., ...}");
      return new Invalid(problems.all());
    }
    List<FieldSpec> read = new ArrayList<>();
    var reader = new FieldReader(each, problems, canHash);
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec field = reader.read(fields.get(i), i);
      if (field != null) {
        read.add(field);
      }
    }
    checkTargets(fields, problems);
    if (problems.count() > 0) {
      return new Invalid(problems.all());
    }
    read.sort(Comparator.comparing(FieldSpec::target));
    return new Valid(new MappingSpec(each, read));
  }

  private static SourcePath each(JsonNode each, Problems problems) {
    if (each == null) {
      return null;
    }
    if (!each.isTextual()) {
      problems.add("each", "must be the path of an array, such as \"line_items\"");
      return null;
    }
    try {
      return SourceRef.fanOut(SourcePath.parse(each.textValue()));
    } catch (IllegalArgumentException badPath) {
      problems.add("each", badPath.getMessage());
      return null;
    }
  }

  /** Each target once, and the targets no event can do without. */
  private static void checkTargets(JsonNode fields, Problems problems) {
    Set<WireField> seen = EnumSet.noneOf(WireField.class);
    for (JsonNode field : fields) {
      var target = WireField.fromWireName(field.path("target").asText(""));
      if (target.isPresent() && !seen.add(target.get())) {
        problems.add(target.get().wireName(), "is mapped more than once");
      }
    }
    for (WireField needed : EVERY_EVENT_NEEDS) {
      if (!seen.contains(needed)) {
        problems.add(needed.wireName(), "is not mapped, and every event needs it");
      }
    }
  }
}
