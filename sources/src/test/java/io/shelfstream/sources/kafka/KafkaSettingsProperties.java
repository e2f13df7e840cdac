package io.shelfstream.sources.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationBodies;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import io.shelfstream.engine.integration.ManagementBodies;
import io.shelfstream.engine.integration.SourceTypes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * What a PUT does before anything is recorded (read the body, check it as a Kafka integration), for
 * any body: a valid spec or errors that each name a field, never another exception; and a bad value
 * names the field it is in and no other.
 */
class KafkaSettingsProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourceTypes TYPES = new SourceTypes(List.of(new KafkaSourceType()));
  private static final List<String> SETTINGS =
      List.of(
          "bootstrap-servers",
          "topics",
          "group-id",
          "max-poll-records",
          "start-from",
          "default-source",
          "connection-timeout",
          "commit",
          "properties");

  @Provide
  Arbitrary<byte[]> bodies() {
    return ManagementBodies.any();
  }

  @Provide
  Arbitrary<String> values() {
    return ManagementBodies.json(3);
  }

  @Property(tries = 3000)
  void everyBodyIsAValidSpecOrNamedErrors(@ForAll("bodies") byte[] body) throws Exception {
    try {
      IntegrationSpec spec = IntegrationBodies.parse("tills", body);
      TYPES.validate(spec);
      assertThat(KafkaSettings.of(spec).topics()).isNotEmpty();
      Statistics.collect("valid");
    } catch (InvalidIntegrationException invalid) {
      assertThat(invalid.errors()).isNotEmpty().hasSizeLessThanOrEqualTo(51);
      for (ConfigError error : invalid.errors()) {
        assertThat(error.field()).isNotBlank();
        assertThat(error.error()).isNotBlank();
      }
      assertThat(JSON.readTree(JSON.writeValueAsBytes(invalid.errors())).size())
          .isEqualTo(invalid.errors().size());
      Statistics.collect(invalid.errors().get(0).field().equals("body") ? "not a spec" : "invalid");
    }
  }

  @Property(tries = 1000)
  void aBadValueNamesItsOwnFieldOnly(
      @ForAll @From("settings") String setting, @ForAll("values") String value) {
    String body =
        "{\"type\":\"kafka\",\"bootstrap-servers\":\"b:9092\","
            + "\"topics\":{\"transactions\":\"pos\"}}";
    String changed =
        setting.equals("topics") || setting.equals("bootstrap-servers")
            ? body.replaceFirst(
                "\"" + setting + "\":(\"[^\"]*\"|\\{[^}]*})",
                java.util.regex.Matcher.quoteReplacement("\"" + setting + "\":" + value))
            : body.substring(0, body.length() - 1) + ",\"" + setting + "\":" + value + "}";
    List<ConfigError> errors;
    try {
      IntegrationSpec spec =
          IntegrationBodies.parse("tills", changed.getBytes(StandardCharsets.UTF_8));
      errors = new KafkaSourceType().validate(spec);
    } catch (InvalidIntegrationException unreadable) {
      // a lone surrogate names its field; duplicate keys or depth make the body unreadable
      errors = unreadable.errors();
      setting = errors.get(0).field().equals("body") ? "body" : setting;
    }
    Statistics.collect(errors.isEmpty() ? "accepted" : "refused");
    for (ConfigError error : errors) {
      String field = setting;
      assertThat(error.field())
          .as(changed)
          .matches(f -> f.equals(field) || f.startsWith(field + ".") || f.startsWith(field + "["));
    }
  }

  @Provide
  Arbitrary<String> settings() {
    return net.jqwik.api.Arbitraries.of(SETTINGS);
  }
}
