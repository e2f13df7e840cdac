package io.shelfstream.sources.kafka;

import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSource;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.SourceType;
import java.util.List;

/** {@code type = kafka}: POS events, or JSON records through a mapping, from Kafka topics. */
public final class KafkaSourceType implements SourceType {
  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public List<ConfigError> validate(IntegrationSpec spec) {
    return KafkaSettings.errors(spec);
  }

  @Override
  public IntegrationSource create(IntegrationSpec spec) {
    return new KafkaIntegrationSource(KafkaSettings.of(spec));
  }
}
