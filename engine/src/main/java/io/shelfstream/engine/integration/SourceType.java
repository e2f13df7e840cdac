package io.shelfstream.engine.integration;

import io.shelfstream.engine.secrets.SecretNames;
import java.util.List;

/**
 * A kind of system an integration reads from. Adding one is a matter of one class implementing this
 * (and its {@link IntegrationSource}), registered in {@link SourceTypes}.
 */
public interface SourceType {
  /** The {@code type} value that selects this source in an integration's settings. */
  String name();

  /**
   * Every problem with {@code spec}'s settings, each naming its field; empty when they are valid.
   * Syntax and ranges only: no I/O, no DNS lookup, no connection, so that management calls answer
   * at once whatever the system does.
   */
  List<ConfigError> validate(IntegrationSpec spec);

  /**
   * Builds the source of {@code spec}; only an integration's supervisor calls this, never a
   * management call. Must not block. Throws {@link InvalidIntegrationException} naming every bad
   * field (a spec journaled under older rules, say).
   */
  IntegrationSource create(IntegrationSpec spec);

  /**
   * Whether the value at this path of keys (array positions left out) is a secret, which must then
   * be a reference ({@code ${env:NAME}}, {@code file:/path}): by default, when a key on the path is
   * named like one (see {@link SecretNames}). A type whose settings hold data keyed by free names
   * narrows this; one that knows more secrets widens it.
   */
  default boolean isSecret(List<String> keys) {
    return SecretNames.isSecretPath(keys);
  }
}
