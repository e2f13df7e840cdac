package io.shelfstream.engine.integration;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.shelfstream.engine.serialization.CborSerializable;

/**
 * What an integration is: its id, its type (which source class runs it) and its settings, kept as
 * JSON so that the same spec can come from HOCON or from {@code PUT /v1/integrations/{id}} and be
 * journaled as is.
 */
public record IntegrationSpec(String id, String type, String settingsJson)
    implements CborSerializable {

  public static IntegrationSpec of(String id, Config block) {
    if (!block.hasPath("type")) {
      throw new InvalidIntegrationException(id, ConfigError.of("type", "is required"));
    }
    return new IntegrationSpec(
        id, block.getString("type"), block.root().render(ConfigRenderOptions.concise()));
  }

  public Config settings() {
    return ConfigFactory.parseString(settingsJson);
  }
}
