package io.shelfstream.http.json;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;

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

  /** {@code inner} with the request's limit; a limit out of bounds is answered 400 instead. */
  public Route route(IntFunction<Route> inner) {
    return Directives.parameterOptional(
        "limit",
        text -> {
          OptionalInt asked = parse(text);
          return asked.isPresent()
              ? inner.apply(asked.getAsInt())
              : Directives.complete(Json.error(StatusCodes.BAD_REQUEST, error()));
        });
  }

  public String error() {
    return "limit: must be an integer from 1 to " + maxLimit;
  }
}
