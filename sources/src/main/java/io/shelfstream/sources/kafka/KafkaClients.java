package io.shelfstream.sources.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Admin clients with an integration's connection and security settings. */
final class KafkaClients {
  private KafkaClients() {}

  /** {@code properties}: the settings' client properties with their secrets resolved. */
  static Admin admin(KafkaSettings settings, Map<String, String> properties, Duration timeout) {
    Map<String, Object> config = new HashMap<>(properties);
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "shelfstream-admin-" + settings.groupId());
    return Admin.create(config);
  }
}
