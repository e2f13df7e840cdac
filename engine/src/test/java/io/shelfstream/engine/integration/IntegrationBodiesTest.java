package io.shelfstream.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies are JSON data: never a config language, never deeper or larger than the limits. */
class IntegrationBodiesTest {

  private static List<ConfigError> errors(String body) {
    var invalid =
        catchThrowableOfType(
            () -> IntegrationBodies.parse("it", body.getBytes(StandardCharsets.UTF_8)),
            InvalidIntegrationException.class);
    assertThat(invalid).as("the body is refused: " + body).isNotNull();
    return invalid.errors();
  }

  @Test
  void aBodyNestedThousandsOfLevelsDeepIsRefusedWithoutDeepRecursion() {
    String deep = "{\"type\":\"kafka\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThat(errors(deep))
        .containsExactly(new ConfigError("body", "is nested deeper than 32 levels"));
    String objects = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    assertThat(errors(objects).get(0).error()).isEqualTo("is nested deeper than 32 levels");
  }

  @Test
  void includesAndSubstitutionsAreNotJson() {
    for (String hocon :
        List.of(
            "include url(\"http://127.0.0.1:9/\")",
            "include file(\"/etc/hosts\")",
            "{\"type\":\"kafka\",\"bootstrap-servers\":${HOME}}",
            "type = kafka")) {
      List<ConfigError> errors = errors(hocon);
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0).field()).isEqualTo("body");
      assertThat(errors.get(0).error()).startsWith("is not valid JSON: ").contains("line 1");
    }
  }

  @Test
  void aSubstitutionInAStringIsJustText() {
    IntegrationSpec spec =
        IntegrationBodies.parse(
            "it", "{\"type\":\"kafka\",\"group-id\":\"${HOME}\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(spec.settings().get("group-id").textValue()).isEqualTo("${HOME}");
  }

  @Test
  void unpairedSurrogatesAreRefusedNamingTheirField() {
    assertThat(errors("{\"type\":\"kafka\",\"topics\":{\"transactions\":\"a\\udc00\"}}"))
        .extracting(ConfigError::field)
        .containsExactly("topics.transactions");
    assertThat(errors("{\"type\":\"kafka\",\"\\ud800\":1}"))
        .extracting(ConfigError::field)
        .containsExactly("body");
    IntegrationSpec pair =
        IntegrationBodies.parse(
            "it", "{\"type\":\"kafka\",\"g\":\"\\ud83d\\ude00\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(pair.settings().get("g").textValue()).isEqualTo("\uD83D\uDE00");
  }

  @Test
  void aBodyMustBeOneJsonObjectWithAStringType() {
    assertThat(errors(""))
        .extracting(ConfigError::error)
        .containsExactly("is empty: send a JSON object such as {\"type\":\"kafka\", ...}");
    assertThat(errors("[1]").get(0).error()).isEqualTo("must be a JSON object, got an array");
    assertThat(errors("{\"type\":\"kafka\"} {}").get(0).error()).startsWith("is not valid JSON");
    assertThat(errors("{\"type\":\"kafka\",\"type\":\"ftp\"}").get(0).error())
        .contains("Duplicate field 'type'");
    assertThat(errors("{\"a\":1}"))
        .containsExactly(new ConfigError("type", "is required, e.g. \"type\":\"kafka\""));
    assertThat(errors("{\"type\":7}"))
        .containsExactly(new ConfigError("type", "must be a string, got number 7"));
    String large = "{\"type\":\"kafka\",\"g\":\"" + "x".repeat(IntegrationBodies.MAX_BYTES) + "\"}";
    assertThat(errors(large).get(0).error()).isEqualTo("is larger than 65536 bytes");
  }

  @Test
  void specsJournaledByEarlierVersionsReadBackAsJsonAndNothingElse() {
    // how a spec was journaled before: HOCON parsed, then rendered as concise JSON
    String journaled =
        ConfigFactory.parseString(
                "{\"type\":\"kafka\",\"commit\":{\"max-interval\":\"1s\"},\"max-poll-records\":5}")
            .root()
            .render(ConfigRenderOptions.concise());
    var old = new IntegrationSpec("it", "kafka", journaled);
    assertThat(old.settings().get("max-poll-records").intValue()).isEqualTo(5);
    assertThat(old.settings().get("commit").get("max-interval").textValue()).isEqualTo("1s");

    var hostile = new IntegrationSpec("it", "kafka", "include file(\"/etc/hosts\")");
    assertThat(catchThrowableOfType(hostile::settings, InvalidIntegrationException.class).errors())
        .extracting(ConfigError::field)
        .containsExactly("body");
  }
}
