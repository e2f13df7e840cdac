package io.shelfstream.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References resolve only when asked; inline secrets are found and masked; names decide. */
class SecretsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void referencesAreEnvVariablesOrAbsoluteFiles() {
    assertThat(SecretReference.parse("${env:KAFKA_JAAS}"))
        .contains(new SecretReference(SecretReference.Kind.ENV, "KAFKA_JAAS"));
    assertThat(SecretReference.parse("file:/run/secrets/kafka"))
        .contains(new SecretReference(SecretReference.Kind.FILE, "/run/secrets/kafka"));
    assertThat(SecretReference.parse("${env:KAFKA_JAAS}").orElseThrow())
        .hasToString("${env:KAFKA_JAAS}");
    for (String plain : List.of("hunter2", "${KAFKA_JAAS}", "x ${env:A}", "FILE:/x", "")) {
      assertThat(SecretReference.parse(plain)).as(plain).isEmpty();
      assertThat(SecretReference.problem(plain)).as(plain).isEmpty();
    }
    assertThat(SecretReference.problem("${env:NO SPACES}"))
        .get()
        .asString()
        .contains("${env:NAME}");
    assertThat(SecretReference.problem("file:relative/path")).get().asString().contains("absolute");
  }

  @Test
  void aReferenceResolvesFromTheGivenEnvironmentOrAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jaas");
    Files.writeString(file, "from-file\n");
    SecretResolver secrets = new SecretResolver(Map.of("JAAS", "from-env")::get);
    assertThat(secrets.resolve("properties.a", "${env:JAAS}")).isEqualTo("from-env");
    assertThat(secrets.resolve("properties.a", "file:" + file)).isEqualTo("from-file");
    assertThat(secrets.resolve("properties.a", "plain")).isEqualTo("plain");
  }

  @Test
  void anUnresolvableReferenceNamesTheSettingAndWhereItLooked(@TempDir Path dir) {
    SecretResolver secrets = new SecretResolver(Map.<String, String>of()::get);
    assertThatThrownBy(() -> secrets.resolve("properties.sasl.jaas.config", "${env:KAFKA_JAAS}"))
        .isInstanceOf(SecretUnavailableException.class)
        .hasMessage(
            "properties.sasl.jaas.config: the secret ${env:KAFKA_JAAS} is not set:"
                + " the environment variable is missing on this node");
    Path missing = dir.resolve("nothing-here");
    assertThatThrownBy(() -> secrets.resolve("password", "file:" + missing))
        .isInstanceOf(SecretUnavailableException.class)
        .hasMessage(
            "password: the secret file:" + missing + " cannot be read: NoSuchFileException");
  }

  @Test
  void namesDecideWhichKeysHoldSecrets() {
    for (String secret :
        List.of(
            "password",
            "ssl.keystore.password",
            "sasl.jaas.config",
            "ssl.keystore.key",
            "private-key",
            "api_key",
            "client-secret",
            "token",
            "passphrase",
            "credentials")) {
      assertThat(SecretNames.isSecret(secret)).as(secret).isTrue();
    }
    for (String notSecret :
        List.of(
            "password-env",
            "password-file",
            "private-key-file",
            "sasl.oauthbearer.token.endpoint.url",
            "key.deserializer",
            "ssl.keystore.location",
            "ssl.keystore.type",
            "bootstrap-servers",
            "topics",
            "monkey")) {
      assertThat(SecretNames.isSecret(notSecret)).as(notSecret).isFalse();
    }
    assertThat(SecretNames.isSecretPath(List.of("credentials", "user"))).isTrue();
    assertThat(SecretNames.isSecretPath(List.of("credentials", "password-file"))).isFalse();
  }

  @Test
  void inlineSecretsAreFoundAndMaskedReferencesAreKept() throws Exception {
    ObjectNode settings =
        (ObjectNode)
            JSON.readTree(
                "{\"type\":\"x\",\"password\":\"hunter2\",\"pin-token\":1234,"
                    + "\"password-env\":\"SFTP_PASSWORD\",\"user\":\"u\","
                    + "\"properties\":{\"ssl.keystore.password\":\"${env:KS}\","
                    + "\"sasl.jaas.config\":\"hunter3\"},\"hosts\":[{\"secret\":\"hunter4\"}]}");
    assertThat(
            SecretSettings.inline(settings, SecretNames::isSecretPath).stream()
                .map(SecretSettings.Found::field))
        .containsExactly("password", "pin-token", "properties.sasl.jaas.config", "hosts[0].secret");

    String shown = SecretSettings.redacted(settings).toString();
    assertThat(shown).doesNotContain("hunter").doesNotContain("1234");
    assertThat(shown)
        .contains("\"password\":\"***\"")
        .contains("\"password-env\":\"SFTP_PASSWORD\"")
        .contains("\"ssl.keystore.password\":\"${env:KS}\"")
        .contains("\"user\":\"u\"");
    assertThat(settings.toString()).as("the original is untouched").contains("hunter2");
  }

  @Test
  void aResolvedSecretIsMaskedInAnyTextAndSoIsThePasswordOfAJaasLine() {
    String password = "pw-" + java.util.UUID.randomUUID();
    String jaas = "PlainLoginModule required username=\"shelf\" password=\"" + password + "\";";
    new SecretResolver(Map.of("JAAS", jaas)::get)
        .resolve("properties.sasl.jaas.config", "${env:JAAS}");
    assertThat(KnownSecrets.mask("could not use " + jaas)).isEqualTo("could not use ***");
    assertThat(KnownSecrets.mask("Invalid login module control flag '" + password + "'"))
        .isEqualTo("Invalid login module control flag '***'");
    assertThat(KnownSecrets.mask("shelf stays")).isEqualTo("shelf stays");
  }
}
