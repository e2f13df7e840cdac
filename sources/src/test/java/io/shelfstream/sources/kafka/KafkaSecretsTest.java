package io.shelfstream.sources.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.typesafe.config.ConfigFactory;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationBodies;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import io.shelfstream.engine.integration.SourceTypes;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.engine.secrets.SecretUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka secrets are client properties given as references: refused inline, resolved into the
 * client's properties only when a client is made, and never shown.
 */
class KafkaSecretsTest {
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required"
          + " username=\"shelf\" password=\"s3cr3t-from-env\";";
  private static final String BASE =
      "{\"type\":\"kafka\",\"bootstrap-servers\":\"127.0.0.1:9\","
          + "\"topics\":{\"transactions\":\"pos\"},\"properties\":{"
          + "\"security.protocol\":\"SASL_PLAINTEXT\",\"sasl.mechanism\":\"PLAIN\",";

  private static IntegrationSpec spec(String properties) {
    return IntegrationBodies.parse(
        "tills", (BASE + properties + "}}").getBytes(StandardCharsets.UTF_8));
  }

  private static SourceTypes types(Map<String, String> env) {
    return new SourceTypes(List.of(new KafkaSourceType(new SecretResolver(env::get))));
  }

  @Test
  void everyPasswordPropertyGivenInlineIsRefusedNamingIt() {
    var refused =
        catchThrowableOfType(
            () ->
                types(Map.of())
                    .validate(
                        spec(
                            "\"sasl.jaas.config\":\"x required password=\\\"p\\\";\","
                                + "\"ssl.key.password\":123456,"
                                + "\"ssl.truststore.certificates\":\"-----BEGIN\","
                                + "\"ssl.keystore.location\":\"/etc/ks.p12\"")),
            InvalidIntegrationException.class);
    assertThat(refused.errors())
        .extracting(ConfigError::field)
        .containsExactly(
            "properties.sasl.jaas.config",
            "properties.ssl.key.password",
            "properties.ssl.truststore.certificates");
    assertThat(refused.errors().get(0).error()).contains("${env:NAME}").contains("file:");
  }

  @Test
  void referencesAreAcceptedWithoutBeingResolved() {
    // the variable is not set: validation never looks it up
    types(Map.of())
        .validate(
            spec(
                "\"sasl.jaas.config\":\"${env:KAFKA_JAAS}\","
                    + "\"ssl.key.password\":\"file:/run/secrets/key-password\","
                    + "\"request.timeout.ms\":\"${env:TIMEOUT_MS}\""));
  }

  @Test
  void theResolvedValueReachesTheClientPropertiesAndIsNeverShown(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("key-password");
    Files.writeString(file, "key-pass-from-file\n");
    IntegrationSpec spec =
        spec(
            "\"sasl.jaas.config\":\"${env:KAFKA_JAAS}\",\"ssl.key.password\":\"file:"
                + file
                + "\"");
    KafkaSettings settings = KafkaSettings.of(spec);
    assertThat(settings.properties()).containsEntry("sasl.jaas.config", "${env:KAFKA_JAAS}");

    Map<String, String> client =
        ClientProperties.resolve(
            settings.properties(), new SecretResolver(Map.of("KAFKA_JAAS", JAAS)::get));
    assertThat(client)
        .containsEntry("sasl.jaas.config", JAAS)
        .containsEntry("ssl.key.password", "key-pass-from-file")
        .containsEntry("security.protocol", "SASL_PLAINTEXT");
    assertThat(client.toString())
        .doesNotContain("s3cr3t-from-env")
        .doesNotContain("key-pass-from-file")
        .contains("sasl.jaas.config=***")
        .contains("security.protocol=SASL_PLAINTEXT");
  }

  @Test
  void settingsJournaledWithASecretInlineNeverShowIt() {
    KafkaSettings old =
        KafkaSettings.of(spec("\"sasl.jaas.config\":\"" + JAAS.replace("\"", "\\\"") + "\""));
    assertThat(old.toString()).doesNotContain("s3cr3t-from-env").contains("sasl.jaas.config=***");
    assertThat(spec("\"sasl.jaas.config\":\"" + JAAS.replace("\"", "\\\"") + "\"").toString())
        .doesNotContain("s3cr3t-from-env");
  }

  @Test
  void aMissingVariableFailsTheStartAndTheTestNamingThePropertyAndTheVariable() {
    IntegrationSpec spec = spec("\"sasl.jaas.config\":\"${env:KAFKA_JAAS}\"");
    KafkaSettings settings = KafkaSettings.of(spec);
    SecretResolver none = new SecretResolver(Map.<String, String>of()::get);
    assertThatThrownBy(() -> ClientProperties.resolve(settings.properties(), none))
        .isInstanceOf(SecretUnavailableException.class)
        .hasMessageContaining("properties.sasl.jaas.config")
        .hasMessageContaining("${env:KAFKA_JAAS} is not set");
    var check = KafkaConnectionTest.run(settings, none, Duration.ofSeconds(1));
    assertThat(check.ok()).isFalse();
    assertThat(check.detail())
        .contains("properties.sasl.jaas.config")
        .contains("${env:KAFKA_JAAS} is not set");
  }

  @Test
  void inHoconAQuotedReferenceStaysAsWrittenAndASubstitutionIsRefused() {
    String hocon =
        "type = kafka\nbootstrap-servers = \"127.0.0.1:9\"\ntopics { transactions = pos }\n"
            + "properties { \"security.protocol\" = SASL_PLAINTEXT\n";
    Map<String, String> env = Map.of("KAFKA_JAAS", JAAS);
    var declared =
        IntegrationSpec.of(
            "tills",
            ConfigFactory.parseString(hocon + "\"sasl.jaas.config\" = \"${env:KAFKA_JAAS}\" }")
                .resolveWith(ConfigFactory.parseMap(env)));
    types(env).validate(declared);
    assertThat(KafkaSettings.of(declared).properties())
        .containsEntry("sasl.jaas.config", "${env:KAFKA_JAAS}");

    var substituted =
        IntegrationSpec.of(
            "tills",
            ConfigFactory.parseString(hocon + "\"sasl.jaas.config\" = ${KAFKA_JAAS} }")
                .resolveWith(ConfigFactory.parseMap(env)));
    var refused =
        catchThrowableOfType(
            () -> types(env).validate(substituted), InvalidIntegrationException.class);
    assertThat(refused.errors())
        .extracting(ConfigError::field)
        .containsExactly("properties.sasl.jaas.config");
    assertThat(refused.getMessage()).doesNotContain("s3cr3t-from-env");
  }
}
