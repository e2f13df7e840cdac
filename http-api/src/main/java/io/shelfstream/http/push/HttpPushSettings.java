package io.shelfstream.http.push;

import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import io.shelfstream.engine.integration.MappingSetting;
import io.shelfstream.engine.integration.SettingsReader;
import io.shelfstream.protocols.event.TextRules;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingOptions;
import java.util.List;

/**
 * An {@code http} integration's settings, as JSON (a PUT body) or HOCON:
 *
 * <pre>
 * type = http
 * mapping { fields = [ ... ] }   # required: how a posted record becomes events (docs/mapping.md)
 * default-source = shop          # the events' source when the mapping fills none; default: the id
 * </pre>
 *
 * Its records are posted to {@code POST /v1/integrations/{id}/records}; it polls nothing.
 */
record HttpPushSettings(String defaultSource, Mapping mapping) {
  static final String TYPE = "http";
  private static final int MAX_SOURCE_LENGTH = 64;

  /** The settings of a valid spec; throws {@link InvalidIntegrationException} naming each field. */
  static HttpPushSettings of(IntegrationSpec spec, MappingOptions options) {
    SettingsReader settings = SettingsReader.of(spec);
    HttpPushSettings read = read(spec.id(), settings, options);
    List<ConfigError> errors = settings.errors();
    if (!errors.isEmpty()) {
      throw new InvalidIntegrationException(spec.id(), errors);
    }
    return read;
  }

  static List<ConfigError> errors(IntegrationSpec spec, MappingOptions options) {
    try {
      SettingsReader settings = SettingsReader.of(spec);
      read(spec.id(), settings, options);
      return settings.errors();
    } catch (InvalidIntegrationException unreadable) {
      return unreadable.errors();
    }
  }

  private static HttpPushSettings read(String id, SettingsReader settings, MappingOptions options) {
    String source = settings.string("default-source", id, MAX_SOURCE_LENGTH);
    if (source != null && TextRules.nameProblem(source).isPresent()) {
      settings.error(
          "default-source",
          TextRules.nameProblem(source).get()
              + (source.equals(id) ? " (it defaults to the integration's id)" : ""));
    }
    if (!settings.hasObject(MappingSetting.KEY)) {
      settings.entries(MappingSetting.KEY, true, "a mapping object such as {\"fields\": [...]}");
      return new HttpPushSettings(source, null);
    }
    Mapping mapping = MappingSetting.read(settings, source, options).orElse(null);
    return new HttpPushSettings(source, mapping);
  }
}
