package io.shelfstream.engine.integration;

import java.util.List;

/** One problem with one setting of an integration. */
public record ConfigError(String field, String error) {
  public static List<ConfigError> of(String field, String error) {
    return List.of(new ConfigError(field, error));
  }
}
