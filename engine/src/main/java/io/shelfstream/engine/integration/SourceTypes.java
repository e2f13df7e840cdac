package io.shelfstream.engine.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The source types a node can run, by name. */
public final class SourceTypes {
  /** A body of 64 KiB could hold thousands of bad keys; the answer names this many. */
  static final int MAX_ERRORS = 50;

  private final Map<String, SourceType> byName = new LinkedHashMap<>();

  public SourceTypes(List<SourceType> types) {
    types.forEach(type -> byName.put(type.name(), type));
  }

  /**
   * Checks a spec without I/O; throws {@link InvalidIntegrationException} naming every field. A
   * secret given inline is one of the errors: only references are ever recorded.
   */
  public void validate(IntegrationSpec spec) {
    SourceType type = of(spec);
    List<ConfigError> errors = new ArrayList<>(type.validate(spec));
    errors.addAll(InlineSecrets.errors(spec, type));
    if (errors.size() > MAX_ERRORS) {
      List<ConfigError> shown = new ArrayList<>(errors.subList(0, MAX_ERRORS));
      shown.add(new ConfigError("body", "and " + (errors.size() - MAX_ERRORS) + " more errors"));
      errors = shown;
    }
    if (!errors.isEmpty()) {
      throw new InvalidIntegrationException(spec.id(), errors);
    }
  }

  /** Builds a spec's source; errors name the field. */
  public IntegrationSource create(IntegrationSpec spec) {
    return of(spec).create(spec);
  }

  private SourceType of(IntegrationSpec spec) {
    SourceType type = byName.get(spec.type());
    if (type == null) {
      throw new InvalidIntegrationException(
          spec.id(),
          ConfigError.of(
              "type",
              "must be one of "
                  + byName.keySet()
                  + ", got "
                  + SettingsReader.quote(spec.type())
                  + SettingsReader.suggestion(spec.type(), byName.keySet())));
    }
    return type;
  }
}
