package io.shelfstream.engine.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueType;
import io.shelfstream.engine.secrets.SecretSettings;
import io.shelfstream.engine.serialization.CborSerializable;

/**
 * What an integration is: its id, its type (which source class runs it) and its settings, kept as
 * JSON so that the same spec can come from HOCON or from {@code PUT /v1/integrations/{id}} and be
 * journaled as is. The settings are JSON data, read back with {@link IntegrationBodies}: never
 * parsed as HOCON, so that a spec can never include a file or a URL, or substitute a variable.
 * Secrets in the settings are references ({@code ${env:NAME}}, {@code file:/path}); a spec shows
 * itself ({@link #toString()}, {@link #redacted()}) with any other secret as {@code "***"}.
 */
public record IntegrationSpec(String id, String type, String settingsJson)
    implements CborSerializable {

  /**
   * A spec declared in the node's HOCON ({@code shelfstream.integrations.<id>}): the operator's own
   * config, already resolved; its settings are then read as strictly as a body's.
   */
  public static IntegrationSpec of(String id, Config block) {
    if (!block.hasPath("type")) {
      throw new InvalidIntegrationException(id, ConfigError.of("type", "is required"));
    }
    if (block.getValue("type").valueType() != ConfigValueType.STRING) {
      throw new InvalidIntegrationException(id, ConfigError.of("type", "must be a string"));
    }
    return new IntegrationSpec(
        id, block.getString("type"), block.root().render(ConfigRenderOptions.concise()));
  }

  /** The settings as JSON; throws {@link InvalidIntegrationException} if they are not JSON. */
  public ObjectNode settings() {
    return IntegrationBodies.settings(this);
  }

  /**
   * The same spec with every secret held inline shown as {@value SecretSettings#MASK}: what a spec
   * journaled by an older version, which let secrets in, shows. Settings that are not JSON cannot
   * be sorted into secrets and not: none of them is shown.
   */
  public IntegrationSpec redacted() {
    String shown;
    try {
      shown = SecretSettings.redacted(settings()).toString();
    } catch (InvalidIntegrationException unreadable) {
      shown = "{\"type\":\"" + SecretSettings.MASK + "\"}";
    }
    return new IntegrationSpec(id, type, shown);
  }

  /** As logs show it: secrets held inline are masked. */
  @Override
  public String toString() {
    return "IntegrationSpec[id="
        + id
        + ", type="
        + type
        + ", settings="
        + redacted().settingsJson()
        + "]";
  }
}
