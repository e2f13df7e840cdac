package io.shelfstream.engine.integration;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code shelfstream.integration-runtime} (how integrations are run) and {@code
 * shelfstream.integrations} (those declared in HOCON).
 */
public record IntegrationRuntimeSettings(
    SupervisionSettings supervision,
    StatusSettings status,
    Duration keepalive,
    Duration askTimeout,
    Map<String, IntegrationSpec> declared) {

  public static IntegrationRuntimeSettings fromConfig(Config root) {
    Config runtime = root.getConfig("shelfstream.integration-runtime");
    Map<String, IntegrationSpec> declared = new LinkedHashMap<>();
    Config integrations = root.getConfig("shelfstream.integrations");
    for (String id : integrations.root().keySet()) {
      String path = "shelfstream.integrations." + id;
      try {
        declared.put(id, IntegrationSpec.of(id, integrations.getConfig(quote(id))));
      } catch (ConfigException.WrongType e) {
        throw new ConfigException.BadValue(path, "must be an object with a type and settings");
      }
    }
    return new IntegrationRuntimeSettings(
        SupervisionSettings.fromConfig(runtime.getConfig("supervision")),
        StatusSettings.fromConfig(runtime.getConfig("status")),
        runtime.getDuration("keepalive"),
        runtime.getDuration("ask-timeout"),
        declared);
  }

  private static String quote(String key) {
    return "\"" + key + "\"";
  }
}
