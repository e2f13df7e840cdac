package io.shelfstream.engine.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The source types a node can run, by name. */
public final class SourceTypes {
  private final Map<String, SourceType> byName = new LinkedHashMap<>();

  public SourceTypes(List<SourceType> types) {
    types.forEach(type -> byName.put(type.name(), type));
  }

  /** Validates a spec and builds its source; errors name the field. */
  public IntegrationSource create(IntegrationSpec spec) {
    SourceType type = byName.get(spec.type());
    if (type == null) {
      throw new InvalidIntegrationException(
          spec.id(),
          ConfigError.of(
              "type", "must be one of " + byName.keySet() + ", got \"" + spec.type() + "\""));
    }
    return type.create(spec);
  }
}
