package io.shelfstream.http.json;

import java.util.Optional;
import java.util.OptionalInt;

/** A list route's {@code limit} parameter: absent means its default, else 1 to its maximum. */
public record PageLimit(int defaultLimit, int maxLimit) {

  /** The limit asked for, or empty when it is not an integer within bounds (see {@link #error}). */
  public OptionalInt parse(Optional<String> text) {
    int limit;
    try {
      limit = text.map(Integer::parseInt).orElse(defaultLimit);
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
    return limit < 1 || limit > maxLimit ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  public String error() {
    return "limit: must be an integer from 1 to " + maxLimit;
  }
}
