package io.shelfstream.protocols.mapping.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.convert.JsonBrief;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Collects every problem with a mapping, so that its author sees them all at once. */
final class Problems {
  private final List<SpecProblem> found = new ArrayList<>();

  void add(String field, String problem) {
    found.add(new SpecProblem(field, problem));
  }

  List<SpecProblem> all() {
    return List.copyOf(found);
  }

  int count() {
    return found.size();
  }

  /** Names each key of {@code object} that is not in {@code allowed}: a typo must not pass. */
  void unknownKeys(String field, JsonNode object, Set<String> allowed) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        add(
            field,
            "unknown key \"" + name + "\", expected one of " + String.join(", ", sorted(allowed)));
      }
    }
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  /** A JSON value in a message, cut at 40 characters. */
  static String show(JsonNode value) {
    return JsonBrief.of(value, 40);
  }
}
