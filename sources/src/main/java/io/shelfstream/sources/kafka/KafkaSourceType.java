package io.shelfstream.sources.kafka;

import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSource;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.SourceType;
import io.shelfstream.engine.secrets.SecretNames;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.protocols.mapping.MappingOptions;
import java.util.List;

/** {@code type = kafka}: POS events, or JSON records through a mapping, from Kafka topics. */
public final class KafkaSourceType implements SourceType {
  private final SecretResolver secrets;
  private final MappingOptions mappingOptions;

  /** Secret references resolve from the node's environment and files; no pii key. */
  public KafkaSourceType() {
    this(SecretResolver.system());
  }

  public KafkaSourceType(SecretResolver secrets) {
    this(secrets, MappingOptions.NONE);
  }

  /** {@code mappingOptions}: what mappings are compiled with (the node's pii key). */
  public KafkaSourceType(SecretResolver secrets, MappingOptions mappingOptions) {
    this.secrets = secrets;
    this.mappingOptions = mappingOptions;
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public List<ConfigError> validate(IntegrationSpec spec) {
    return KafkaSettings.errors(spec, mappingOptions);
  }

  @Override
  public IntegrationSource create(IntegrationSpec spec) {
    return new KafkaIntegrationSource(KafkaSettings.of(spec, mappingOptions), secrets);
  }

  /**
   * Secrets are client properties (those Kafka types PASSWORD, or named like a secret) and
   * top-level keys named like one; nested objects ({@code topics}, {@code commit}) hold none.
   */
  @Override
  public boolean isSecret(List<String> keys) {
    if (keys.size() == 2 && keys.get(0).equals("properties")) {
      return ClientProperties.isSecret(keys.get(1));
    }
    return keys.size() == 1 && SecretNames.isSecret(keys.get(0));
  }
}
