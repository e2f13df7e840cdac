package io.shelfstream.sources.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.typesafe.config.ConfigFactory;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationBodies;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Kafka integration's settings are read strictly, every error at once, without any lookup. */
class KafkaSettingsTest {
  private static final String VALID_TOPICS = "\"topics\":{\"transactions\":\"pos.sales\"}";

  private static IntegrationSpec spec(String json) {
    return IntegrationBodies.parse("tills", json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<ConfigError> errors(String json) {
    return new KafkaSourceType().validate(spec(json));
  }

  private static ConfigError onlyError(String settings) {
    List<ConfigError> errors = errors("{\"type\":\"kafka\"," + settings + "}");
    assertThat(errors).as(settings).hasSize(1);
    return errors.get(0);
  }

  @Test
  void aFullSpecReadsAsWritten() {
    KafkaSettings settings =
        KafkaSettings.of(
            spec(
                "{\"type\":\"kafka\",\"bootstrap-servers\":\"b1:9092, [::1]:9093,10.0.0.7:19092\","
                    + "\"topics\":{\"transactions\":\"pos.sales\",\"inventory\":\"inv\",\"stores\":\"st\"},"
                    + "\"group-id\":\"g\",\"max-poll-records\":20,\"start-from\":\"latest\","
                    + "\"default-source\":\"erp\",\"connection-timeout\":\"3s\","
                    + "\"commit\":{\"max-batch\":10,\"max-interval\":\"250ms\"},"
                    + "\"properties\":{\"security.protocol\":\"SASL_SSL\",\"session.timeout.ms\":10000}}"));
    assertThat(settings.topicsByKind())
        .containsExactly(
            Map.entry("transactions", "pos.sales"),
            Map.entry("inventory", "inv"),
            Map.entry("stores", "st"));
    assertThat(settings.groupId()).isEqualTo("g");
    assertThat(settings.maxPollRecords()).isEqualTo(20);
    assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.commitMaxInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.properties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("session.timeout.ms", "10000");
  }

  @Test
  void defaultsApplyWhenOnlyTheRequiredSettingsAreGiven() {
    KafkaSettings settings =
        KafkaSettings.of(
            spec("{\"type\":\"kafka\",\"bootstrap-servers\":\"b:1\"," + VALID_TOPICS + "}"));
    assertThat(settings.groupId()).isEqualTo("shelfstream-tills");
    assertThat(settings.maxPollRecords()).isEqualTo(2000);
    assertThat(settings.startFrom()).isEqualTo("earliest");
    assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void bootstrapServersAreCheckedAsTextNamingEachBadEntry() {
    for (String bad :
        List.of("not a host", "${HOME}", "host", "host:0", "host:65536", "a..b:1", ":1", "b:1,")) {
      ConfigError error = onlyError("\"bootstrap-servers\":\"" + bad + "\"," + VALID_TOPICS);
      assertThat(error.field()).isEqualTo("bootstrap-servers");
      assertThat(error.error()).startsWith("must be a comma-separated list of host:port");
    }
    assertThat(
            onlyError("\"bootstrap-servers\":\"ok:1,not a host,b:99999\"," + VALID_TOPICS).error())
        .endsWith("\"not a host\" is not host:port; \"b:99999\" has port 99999, not 1-65535");
    assertThat(
            errors(
                "{\"type\":\"kafka\",\"bootstrap-servers\":\"no-such-host.invalid:9092\","
                    + VALID_TOPICS
                    + "}"))
        .as("a name that does not resolve is no config error: no lookup is made")
        .isEmpty();
  }

  @Test
  void topicKindsComeFromAFixedSetAndTopicNamesMustBeValid() {
    String servers = "\"bootstrap-servers\":\"b:1\",";
    ConfigError misspelt = onlyError(servers + "\"topics\":{\"transactons\":\"pos\"}");
    assertThat(misspelt.field()).isEqualTo("topics.transactons");
    assertThat(misspelt.error()).contains("did you mean \"transactions\"?");
    assertThat(onlyError(servers + "\"topics\":{\"transactions\":\"\"}"))
        .isEqualTo(new ConfigError("topics.transactions", "must not be empty: name the topic"));
    assertThat(onlyError(servers + "\"topics\":{\"transactions\":\"a/b\"}").field())
        .isEqualTo("topics.transactions");
    assertThat(onlyError(servers + "\"topics\":{}").field()).isEqualTo("topics");
    assertThat(onlyError(servers + "\"topics\":[\"pos\"]").error())
        .startsWith("must be an object of record kind to topic name");
    assertThat(onlyError(servers + "\"topics\":{\"transactions\":7}").error())
        .isEqualTo("must be a topic name (a string), got number 7");
  }

  @Test
  void wrongTypesAreErrorsWithoutCoercion() {
    String base = "\"bootstrap-servers\":\"b:1\"," + VALID_TOPICS + ",";
    assertThat(onlyError(base + "\"group-id\":7"))
        .isEqualTo(new ConfigError("group-id", "must be a string, got number 7"));
    assertThat(onlyError(base + "\"max-poll-records\":\"500\"").field())
        .isEqualTo("max-poll-records");
    assertThat(onlyError(base + "\"max-poll-records\":2.5").field()).isEqualTo("max-poll-records");
    assertThat(onlyError(base + "\"max-poll-records\":0").error())
        .isEqualTo("must be from 1 to 100000, got 0");
    assertThat(onlyError(base + "\"start-from\":true").field()).isEqualTo("start-from");
    assertThat(onlyError(base + "\"commit\":{\"max-interval\":1000}").field())
        .isEqualTo("commit.max-interval");
    assertThat(onlyError(base + "\"connection-timeout\":\"-1s\"").field())
        .isEqualTo("connection-timeout");
    assertThat(onlyError(base + "\"group-id\":null").error())
        .isEqualTo("must be a string, got null");
  }

  @Test
  void unknownKeysAreErrorsWithTheNearestKnownKey() {
    String base = "\"bootstrap-servers\":\"b:1\"," + VALID_TOPICS + ",";
    assertThat(onlyError(base + "\"group_id\":\"g\""))
        .isEqualTo(new ConfigError("group_id", "is not a setting: did you mean \"group-id\"?"));
    assertThat(onlyError(base + "\"commit\":{\"max-bach\":5}"))
        .isEqualTo(
            new ConfigError("commit.max-bach", "is not a setting: did you mean \"max-batch\"?"));
    assertThat(onlyError(base + "\"colour\":\"blue\"").error())
        .startsWith("is not a setting; the settings here are [type, bootstrap-servers");
  }

  @Test
  void clientPropertiesMustBeKafkaPropertiesOfTheirTypeNotOursToSet() {
    String base = "\"bootstrap-servers\":\"b:1\"," + VALID_TOPICS + ",";
    assertThat(onlyError(base + "\"properties\":{\"group.id\":\"other\"}").error())
        .isEqualTo("cannot be set here: set it with \"group-id\"");
    assertThat(onlyError(base + "\"properties\":{\"security.protcol\":\"SSL\"}").error())
        .contains("did you mean \"security.protocol\"?");
    assertThat(onlyError(base + "\"properties\":{\"session.timeout.ms\":\"soon\"}").field())
        .isEqualTo("properties.session.timeout.ms");
    assertThat(onlyError(base + "\"properties\":{\"isolation.level\":\"most\"}").field())
        .isEqualTo("properties.isolation.level");
    assertThat(
            errors(
                "{\"type\":\"kafka\","
                    + base
                    + "\"properties\":{\"sasl.jaas.config\":\"x required;\"}}"))
        .isEmpty();
  }

  @Test
  void everyErrorIsReportedAtOnce() {
    List<ConfigError> errors =
        errors(
            "{\"type\":\"kafka\",\"bootstrap-servers\":\"not a host\",\"topics\":{\"transactons\":\"\"},"
                + "\"group-id\":7,\"max-poll-records\":-1,\"extra\":1}");
    assertThat(errors)
        .extracting(ConfigError::field)
        .containsExactly(
            "bootstrap-servers", "topics.transactons", "group-id", "max-poll-records", "extra");
  }

  @Test
  void hoconDeclaredSpecsFollowTheSameRules() {
    var declared =
        IntegrationSpec.of(
            "pos",
            ConfigFactory.parseString(
                "type = kafka\nbootstrap-servers = \"b:1\"\ntopics.transactons = pos\n"
                    + "max-poll-records = \"500\"\ncommit.max-interval = 2s"));
    var invalid =
        catchThrowableOfType(() -> KafkaSettings.of(declared), InvalidIntegrationException.class);
    assertThat(invalid.errors())
        .extracting(ConfigError::field)
        .containsExactly("topics.transactons", "max-poll-records");
  }

  @Test
  void aMappingIsOptionalAndEachOfItsProblemsIsNamed() {
    String base = "{\"type\":\"kafka\",\"bootstrap-servers\":\"b:9092\"," + VALID_TOPICS;
    assertThat(KafkaSettings.of(spec(base + "}")).mapping()).isEmpty();
    String mapping =
        "{\"fields\":[{\"target\":\"type\",\"transforms\":[{\"constant\":\"sale\"}]},"
            + "{\"target\":\"occurredAt\",\"source\":\"at\",\"formats\":[\"iso\"],"
            + "\"zone\":\"UTC\"},{\"target\":\"sku\",\"source\":\"item.sku\"}]}";
    assertThat(KafkaSettings.of(spec(base + ",\"mapping\":" + mapping + "}")).mapping())
        .isPresent();
    assertThat(errors(base + ",\"mapping\":" + mapping.replace("item.sku", "item[x]") + "}"))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.field()).isEqualTo("mapping.sku");
              assertThat(error.error()).startsWith("bad path \"item[x]\"");
            });
  }

  @Test
  void aMappingDeclaredInHoconReadsAsItsJson() {
    var block =
        ConfigFactory.parseString(
            """
            type = kafka
            bootstrap-servers = "b:9092"
            topics { transactions = orders }
            mapping {
              each = line_items
              fields = [
                { target = type, transforms = [{ constant = sale }] }
                { target = eventId, source = "order.id" }
                { target = occurredAt, source = "order.created_at", formats = [iso], zone = UTC }
                { target = locationId, source = "order.store" }
                { target = sku, source = "line_items[].sku" }
                { target = qty, source = "line_items[].quantity" }
              ]
            }""");
    assertThat(KafkaSettings.of(IntegrationSpec.of("orders", block)).mapping()).isPresent();
  }
}
