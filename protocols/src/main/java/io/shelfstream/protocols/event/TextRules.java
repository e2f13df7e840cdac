package io.shelfstream.protocols.event;

import java.util.Optional;

/**
 * What any text taken from a sender may hold, whatever format it came in. Text goes on to the
 * journal, the database's text columns and JSON answers: a lone UTF-16 surrogate (from a JSON
 * escape such as {@code \ud83d}) cannot be encoded in any of them, and PostgreSQL's text cannot
 * hold NUL. Either would fail a write long after the sender was answered, so both are rejected
 * here, naming where they are.
 */
public final class TextRules {
  private TextRules() {}

  /** Why {@code text} cannot be kept as it is, or empty when it can. */
  public static Optional<String> problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of(
            "must be well-formed Unicode: a lone surrogate "
                + String.format("U+%04X", (int) c)
                + " at character "
                + (i + 1));
      }
      if (c == 0) {
        return Optional.of("must not contain the NUL character (at character " + (i + 1) + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * As {@link #problem}, for text that names something (an event id, a source): no control
   * characters either, which no sender means as part of a name.
   */
  public static Optional<String> nameProblem(String text) {
    Optional<String> problem = problem(text);
    if (problem.isPresent()) {
      return problem;
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return Optional.of("must not contain control characters (at character " + (i + 1) + ")");
      }
    }
    return Optional.empty();
  }
}
