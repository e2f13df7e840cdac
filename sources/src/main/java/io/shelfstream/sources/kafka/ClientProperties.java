package io.shelfstream.sources.kafka;

import io.shelfstream.engine.integration.SettingsReader;
import io.shelfstream.engine.secrets.SecretNames;
import io.shelfstream.engine.secrets.SecretReference;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.engine.secrets.SecretSettings;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * {@code properties}: Kafka client properties passed as they are (security, TLS, SASL, tuning).
 * Each must be a property of Kafka's consumer or admin client, with a value of its type; those
 * Shelfstream sets from its own settings cannot be overridden here. A value may be a secret
 * reference ({@code ${env:NAME}}, {@code file:/path}), resolved only when a client is made; a
 * secret (a property of type PASSWORD, such as {@code sasl.jaas.config}) must be one.
 */
final class ClientProperties {
  private static final Map<String, String> OWN =
      Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "set it with \"bootstrap-servers\"",
          ConsumerConfig.GROUP_ID_CONFIG, "set it with \"group-id\"",
          ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "set it with \"max-poll-records\"",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "set it with \"start-from\"",
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
              "offsets are committed once records are durable, never automatically",
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "records are read as bytes",
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "records are read as bytes");
  private static final ConfigDef CONSUMER = ConsumerConfig.configDef();
  private static final ConfigDef ADMIN = AdminClientConfig.configDef();
  private static final Set<String> KNOWN = known();

  private ClientProperties() {}

  static Map<String, String> read(SettingsReader settings) {
    Map<String, String> properties = new LinkedHashMap<>();
    settings
        .entries("properties", false, "an object of Kafka client property to value")
        .forEach(
            (name, value) -> {
              String field = "properties." + name;
              ConfigDef.ConfigKey key = key(name);
              if (OWN.containsKey(name)) {
                settings.error(field, "cannot be set here: " + OWN.get(name));
              } else if (key == null) {
                settings.error(
                    field,
                    "is not a Kafka consumer or admin client property"
                        + SettingsReader.suggestion(name, KNOWN));
              } else if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
                settings.error(
                    field,
                    "must be a string, number or boolean, got " + SettingsReader.describe(value));
              } else {
                String text = value.asText();
                if (!SecretReference.isReference(text)) { // a reference is checked once resolved
                  checkValue(settings, field, key, text);
                }
                properties.put(name, text);
              }
            });
    return properties;
  }

  /** Whether {@code name} holds a secret: Kafka types it PASSWORD, or it is named like one. */
  static boolean isSecret(String name) {
    ConfigDef.ConfigKey key = key(name);
    return (key != null && key.type == ConfigDef.Type.PASSWORD) || SecretNames.isSecret(name);
  }

  /**
   * The properties with each reference replaced by its value, for a client about to be made; throws
   * {@link io.shelfstream.engine.secrets.SecretUnavailableException} naming the property.
   */
  static Map<String, String> resolve(Map<String, String> properties, SecretResolver secrets) {
    Map<String, String> resolved = new LinkedHashMap<>();
    properties.forEach(
        (name, value) -> resolved.put(name, secrets.resolve("properties." + name, value)));
    return masked(resolved);
  }

  /** The properties, unmodifiable, shown (by {@code toString}, in logs) with secrets masked. */
  static Map<String, String> masked(Map<String, String> properties) {
    Map<String, String> view = Collections.unmodifiableMap(properties);
    return new AbstractMap<>() {
      @Override
      public Set<Entry<String, String>> entrySet() {
        return view.entrySet();
      }

      @Override
      public String toString() {
        return view.entrySet().stream()
            .map(
                entry ->
                    entry.getKey()
                        + "="
                        + (isSecret(entry.getKey())
                                && !SecretReference.isReference(entry.getValue())
                            ? SecretSettings.MASK
                            : entry.getValue()))
            .collect(Collectors.joining(", ", "{", "}"));
      }
    };
  }

  /** Parses the value as the client would, without loading classes. */
  private static void checkValue(
      SettingsReader settings, String field, ConfigDef.ConfigKey key, String text) {
    if (key.type == ConfigDef.Type.CLASS || key.type == ConfigDef.Type.PASSWORD) {
      return; // a class is loaded only by the client itself; a password is never echoed
    }
    try {
      Object parsed = ConfigDef.parseType(key.name, text, key.type);
      if (key.validator != null) {
        key.validator.ensureValid(key.name, parsed);
      }
    } catch (ConfigException e) {
      settings.error(field, "is not a valid value: " + shortened(e.getMessage()));
    } catch (RuntimeException e) { // a validator that does not expect such a value
      settings.error(field, "is not a valid value for " + key.name);
    }
  }

  private static String shortened(String message) {
    int limit = 300;
    return message.codePointCount(0, message.length()) <= limit
        ? message
        : message.substring(0, message.offsetByCodePoints(0, limit)) + "...";
  }

  private static ConfigDef.ConfigKey key(String name) {
    ConfigDef.ConfigKey key = CONSUMER.configKeys().get(name);
    return key != null ? key : ADMIN.configKeys().get(name);
  }

  private static Set<String> known() {
    Set<String> names = new TreeSet<>(CONSUMER.configKeys().keySet());
    names.addAll(ADMIN.configKeys().keySet());
    names.removeAll(OWN.keySet());
    return names;
  }
}
