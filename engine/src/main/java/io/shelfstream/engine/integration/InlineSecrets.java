package io.shelfstream.engine.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.engine.secrets.SecretReference;
import io.shelfstream.engine.secrets.SecretSettings;
import java.util.List;

/**
 * Secrets given inline in a spec, refused: a spec is journaled and sent between nodes, so it holds
 * only where a secret is, never its value.
 */
final class InlineSecrets {
  private InlineSecrets() {}

  static List<ConfigError> errors(IntegrationSpec spec, SourceType type) {
    ObjectNode settings;
    try {
      settings = spec.settings();
    } catch (InvalidIntegrationException unreadable) {
      return List.of(); // the type's own checks say so
    }
    return SecretSettings.inline(settings, type::isSecret).stream()
        .map(
            found ->
                new ConfigError(
                    found.field(),
                    found.value().isTextual()
                        ? SecretReference.problem(found.value().textValue()).orElse(inlineSecret())
                        : inlineSecret()))
        .toList();
  }

  private static String inlineSecret() {
    return "is a secret and cannot be given inline: give it as a reference,"
        + " \"${env:NAME}\" (an environment variable of the node) or \"file:/path/to/secret\","
        + " resolved only when the integration starts or is tested";
  }
}
