package io.shelfstream.protocols.mapping;

import io.shelfstream.protocols.mapping.spec.SpecProblem;
import java.util.List;
import java.util.stream.Collectors;

/** A mapping ready to apply, or every problem with its spec (a 400 answer over HTTP). */
public sealed interface CompileResult {

  record Compiled(Mapping mapping) implements CompileResult {}

  record Invalid(List<SpecProblem> problems) implements CompileResult {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid mapping needs at least one problem");
      }
    }

    /** Every problem, as {@code target: problem; ...}. */
    public String reason() {
      return problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "));
    }
  }
}
