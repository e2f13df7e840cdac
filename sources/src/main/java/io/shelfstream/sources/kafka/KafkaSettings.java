package io.shelfstream.sources.kafka;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import io.shelfstream.protocols.pos.PosLineParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kafka integration's settings:
 *
 * <pre>
 * type = kafka
 * bootstrap-servers = "broker1:9092,broker2:9092"
 * topics { transactions = "pos.transactions.completed", inventory = "inventory.adjustments" }
 * group-id = "shelfstream-&lt;id&gt;"       # default
 * max-poll-records = 500                  # default
 * start-from = earliest                   # or latest: where a new consumer group starts
 * default-source = pos                    # the source of records that name none
 * commit { max-batch = 1000, max-interval = 1s }
 * properties { "security.protocol" = SASL_SSL, "sasl.mechanism" = PLAIN, ... }  # passed to the client
 * </pre>
 */
public record KafkaSettings(
    String bootstrapServers,
    Map<String, String> topicsByKind,
    String groupId,
    int maxPollRecords,
    String startFrom,
    String defaultSource,
    int commitMaxBatch,
    Duration commitMaxInterval,
    Map<String, String> properties) {

  public Set<String> topics() {
    return new LinkedHashSet<>(topicsByKind.values());
  }

  public static KafkaSettings of(IntegrationSpec spec) {
    Config config = spec.settings();
    List<ConfigError> errors = new ArrayList<>();
    var read = new Reader(config, errors);
    String bootstrap = read.requiredString("bootstrap-servers");
    Map<String, String> topics = read.stringMap("topics", true);
    String groupId = read.string("group-id", "shelfstream-" + spec.id());
    int maxPoll = read.positiveInt("max-poll-records", 500);
    String startFrom = read.string("start-from", "earliest");
    if (!startFrom.equals("earliest") && !startFrom.equals("latest")) {
      errors.add(
          new ConfigError("start-from", "must be earliest or latest, got \"" + startFrom + "\""));
    }
    String defaultSource = read.string("default-source", PosLineParser.DEFAULT_SOURCE);
    int maxBatch = read.positiveInt("commit.max-batch", 1000);
    Duration maxInterval = read.duration("commit.max-interval", Duration.ofSeconds(1));
    Map<String, String> properties = read.stringMap("properties", false);
    if (!errors.isEmpty()) {
      throw new InvalidIntegrationException(spec.id(), errors);
    }
    return new KafkaSettings(
        bootstrap,
        topics,
        groupId,
        maxPoll,
        startFrom,
        defaultSource,
        maxBatch,
        maxInterval,
        properties);
  }

  /** Reads settings and collects every problem, naming its field. */
  private record Reader(Config config, List<ConfigError> errors) {

    String requiredString(String path) {
      if (!config.hasPath(path)) {
        errors.add(new ConfigError(path, "is required"));
        return null;
      }
      return string(path, null);
    }

    String string(String path, String fallback) {
      if (!config.hasPath(path)) {
        return fallback;
      }
      try {
        String value = config.getString(path);
        if (value.isBlank()) {
          errors.add(new ConfigError(path, "must not be blank"));
        }
        return value;
      } catch (ConfigException.WrongType e) {
        errors.add(new ConfigError(path, "must be a string"));
        return fallback;
      }
    }

    int positiveInt(String path, int fallback) {
      if (!config.hasPath(path)) {
        return fallback;
      }
      try {
        int value = config.getInt(path);
        if (value < 1) {
          errors.add(new ConfigError(path, "must be at least 1, got " + value));
        }
        return value;
      } catch (ConfigException.WrongType e) {
        errors.add(new ConfigError(path, "must be an integer"));
        return fallback;
      }
    }

    Duration duration(String path, Duration fallback) {
      if (!config.hasPath(path)) {
        return fallback;
      }
      try {
        return config.getDuration(path);
      } catch (ConfigException.BadValue | ConfigException.WrongType e) {
        errors.add(new ConfigError(path, "must be a duration such as 1s or 500ms"));
        return fallback;
      }
    }

    Map<String, String> stringMap(String path, boolean required) {
      Map<String, String> values = new LinkedHashMap<>();
      if (!config.hasPath(path)) {
        if (required) {
          errors.add(new ConfigError(path, "is required: an object of record kind to topic name"));
        }
        return values;
      }
      if (config.getValue(path).valueType() != ConfigValueType.OBJECT) {
        errors.add(new ConfigError(path, "must be an object"));
        return values;
      }
      for (Map.Entry<String, ConfigValue> entry : config.getObject(path).entrySet()) {
        Object value = entry.getValue().unwrapped();
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
          values.put(entry.getKey(), String.valueOf(value));
        } else {
          errors.add(new ConfigError(path + "." + entry.getKey(), "must be a string"));
        }
      }
      if (required
          && values.isEmpty()
          && errors.stream().noneMatch(e -> e.field().startsWith(path))) {
        errors.add(new ConfigError(path, "must name at least one topic"));
      }
      return values;
    }
  }
}
