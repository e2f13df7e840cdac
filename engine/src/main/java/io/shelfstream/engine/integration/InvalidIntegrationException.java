package io.shelfstream.engine.integration;

import java.util.List;
import java.util.stream.Collectors;

/** An integration whose settings cannot run; says which fields and why. */
public final class InvalidIntegrationException extends RuntimeException {
  private final List<ConfigError> errors;

  public InvalidIntegrationException(String id, List<ConfigError> errors) {
    super(
        "integration "
            + id
            + ": "
            + errors.stream()
                .map(e -> e.field() + ": " + e.error())
                .collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
