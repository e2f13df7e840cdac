package io.shelfstream.sources.kafka;

import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import io.shelfstream.engine.integration.MappingSetting;
import io.shelfstream.engine.integration.SettingsReader;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.pos.PosLineParser;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Kafka integration's settings, as JSON (a PUT body) or HOCON (declared in the node's config):
 *
 * <pre>
 * type = kafka
 * bootstrap-servers = "broker1:9092,broker2:9092"
 * topics { transactions = "pos.transactions.completed", inventory = "inventory.adjustments" }
 * group-id = "shelfstream-&lt;id&gt;"       # default
 * max-poll-records = 2000                 # default
 * start-from = earliest                   # or latest: where a new consumer group starts
 * default-source = pos                    # the source of records that name none
 * connection-timeout = 10s                # a start that reaches no broker by then has failed
 * commit { max-batch = 1000, max-interval = 1s }
 * properties { "security.protocol" = SASL_SSL, "sasl.mechanism" = PLAIN,
 *              "sasl.jaas.config" = "${env:KAFKA_JAAS}" }  # passed to the client; secrets
 *                                                         # as references, see docs/security.md
 * mapping { fields = [ ... ] }           # optional: records of any JSON shape (docs/mapping.md)
 * </pre>
 *
 * Without {@code mapping}, each record is one event in the POS wire format.
 *
 * <p>Read strictly: unknown keys, values of the wrong type and values out of range are errors, all
 * reported at once, and nothing is looked up (no DNS, no broker).
 */
public record KafkaSettings(
    String bootstrapServers,
    Map<String, String> topicsByKind,
    String groupId,
    int maxPollRecords,
    String startFrom,
    String defaultSource,
    Duration connectionTimeout,
    int commitMaxBatch,
    Duration commitMaxInterval,
    Map<String, String> properties,
    Optional<Mapping> mapping) {

  public Set<String> topics() {
    return new LinkedHashSet<>(topicsByKind.values());
  }

  /**
   * The settings of a valid spec; throws {@link InvalidIntegrationException} naming every field.
   */
  public static KafkaSettings of(IntegrationSpec spec) {
    return of(spec, MappingOptions.NONE);
  }

  /** As {@link #of(IntegrationSpec)}, its mapping compiled with the node's options. */
  public static KafkaSettings of(IntegrationSpec spec, MappingOptions options) {
    SettingsReader settings = SettingsReader.of(spec);
    KafkaSettings read = read(spec.id(), settings, options);
    List<ConfigError> errors = settings.errors();
    if (!errors.isEmpty()) {
      throw new InvalidIntegrationException(spec.id(), errors);
    }
    return read;
  }

  /** Every problem with the spec's settings; empty when they are valid. */
  static List<ConfigError> errors(IntegrationSpec spec, MappingOptions options) {
    try {
      SettingsReader settings = SettingsReader.of(spec);
      read(spec.id(), settings, options);
      return settings.errors();
    } catch (InvalidIntegrationException unreadable) {
      return unreadable.errors();
    }
  }

  private static KafkaSettings read(String id, SettingsReader settings, MappingOptions options) {
    String bootstrap = settings.requiredString("bootstrap-servers", 10_000);
    if (bootstrap != null && !bootstrap.isBlank()) {
      BootstrapServers.problems(bootstrap)
          .ifPresent(problem -> settings.error("bootstrap-servers", problem));
    }
    Map<String, String> topics = KafkaTopics.read(settings);
    String groupId = settings.string("group-id", "shelfstream-" + id, 249);
    int maxPoll = settings.integer("max-poll-records", 2000, 1, 100_000);
    String startFrom = settings.oneOf("start-from", "earliest", List.of("earliest", "latest"));
    String defaultSource = settings.string("default-source", PosLineParser.DEFAULT_SOURCE, 64);
    Duration connectionTimeout =
        settings.duration(
            "connection-timeout",
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            Duration.ofMinutes(5));
    SettingsReader commit = settings.object("commit");
    int maxBatch = commit.integer("max-batch", 1000, 1, 100_000);
    Duration maxInterval =
        commit.duration(
            "max-interval", Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofHours(1));
    Map<String, String> properties = ClientProperties.read(settings);
    Optional<Mapping> mapping = MappingSetting.read(settings, defaultSource, options);
    return new KafkaSettings(
        bootstrap,
        Collections.unmodifiableMap(topics),
        groupId,
        maxPoll,
        startFrom,
        defaultSource,
        connectionTimeout,
        maxBatch,
        maxInterval,
        ClientProperties.masked(properties),
        mapping);
  }
}
