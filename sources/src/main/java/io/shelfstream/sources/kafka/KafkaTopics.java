package io.shelfstream.sources.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.engine.integration.SettingsReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/**
 * {@code topics}: which topic holds which kind of record. Every record says its own type; the kind
 * names what the topic is for (and shows in the status), from a fixed set so that a misspelt kind
 * is caught rather than kept.
 */
final class KafkaTopics {
  /** The kinds of topic, as the README lists them. */
  static final List<String> KINDS = List.of("transactions", "inventory", "stores");

  private static final String EXPECTED =
      "an object of record kind to topic name, e.g. {\"transactions\":\"pos.transactions.completed\"}";

  private KafkaTopics() {}

  /** The topics by kind; errors name each bad kind or topic. */
  static Map<String, String> read(SettingsReader settings) {
    Map<String, String> topics = new LinkedHashMap<>();
    Map<String, JsonNode> entries = settings.entries("topics", true, EXPECTED);
    entries.forEach(
        (kind, value) -> {
          String field = "topics." + kind;
          if (!KINDS.contains(kind)) {
            settings.error(
                field, "is not a kind of topic: " + SettingsReader.notOneOf(kind, KINDS));
          } else if (!value.isTextual()) {
            settings.error(
                field, "must be a topic name (a string), got " + SettingsReader.describe(value));
          } else if (value.textValue().isEmpty()) {
            settings.error(field, "must not be empty: name the topic");
          } else {
            try {
              Topic.validate(value.textValue());
              topics.put(kind, value.textValue());
            } catch (InvalidTopicException e) {
              settings.error(
                  field,
                  "is not a valid Kafka topic name ("
                      + "1-249 of a-z, A-Z, 0-9, '.', '_' and '-', not \".\" or \"..\"): got "
                      + SettingsReader.quote(value.textValue()));
            }
          }
        });
    if (entries.isEmpty() && settings.hasObject("topics")) {
      settings.error("topics", "must name at least one topic: " + EXPECTED);
    }
    return topics;
  }
}
