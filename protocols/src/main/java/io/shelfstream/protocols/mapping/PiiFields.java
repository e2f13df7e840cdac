package io.shelfstream.protocols.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shelfstream.protocols.mapping.convert.ValueProblem;
import io.shelfstream.protocols.mapping.path.SourceRef;
import io.shelfstream.protocols.mapping.pii.PiiKey;
import io.shelfstream.protocols.mapping.pii.PiiRedaction;
import io.shelfstream.protocols.mapping.pii.PiiRule;
import io.shelfstream.protocols.mapping.spec.FieldSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps a field marked {@code "pii"}: its value hashed with the node's key, or read and checked but
 * left out of the event; and, when it fails, a reason that quotes none of the values it went
 * through, since reasons reach dead letters and HTTP answers.
 */
final class PiiFields {
  private final Optional<PiiKey> key;

  PiiFields(Optional<PiiKey> key) {
    this.key = key;
  }

  /** The field's value as the event takes it: hashed, null when dropped. Throws ValueProblem. */
  JsonNode map(FieldSpec field, Function<SourceRef, JsonNode> sources) {
    List<JsonNode> seen = new ArrayList<>();
    try {
      JsonNode value = FieldMapper.map(field, sources, read -> record(seen, read));
      if (value == null || field.pii() == PiiRule.DROP) {
        return null;
      }
      // compiling refuses a hash without a key, so the key is there
      PiiKey hmac = key.orElseThrow(() -> new ValueProblem("cannot be hashed: no key"));
      return TextNode.valueOf(hmac.hash(ValueProblem.scalarText(value, "hash")));
    } catch (ValueProblem problem) {
      throw new ValueProblem(withoutValues(problem.reason(), seen));
    }
  }

  private static void record(List<JsonNode> seen, JsonNode value) {
    if (value != null) {
      seen.add(value);
    }
  }

  /** The longest first, so that a value is masked whole before a shorter one inside it. */
  private static String withoutValues(String reason, List<JsonNode> seen) {
    String masked = reason;
    List<String> shown =
        seen.stream()
            .map(ValueProblem::show)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    for (String value : shown) {
      masked = masked.replace(value, "\"" + PiiRedaction.MASK + "\"");
    }
    return masked;
  }
}
