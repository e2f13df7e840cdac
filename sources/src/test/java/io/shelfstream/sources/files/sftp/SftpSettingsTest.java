package io.shelfstream.sources.files.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.engine.integration.ConfigError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An sftp integration's settings are read strictly, without I/O, and never hold a secret. */
class SftpSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID =
      "\"type\":\"sftp\",\"host\":\"sftp.retailer.example\",\"user\":\"feeds\","
          + "\"password-env\":\"FEEDS_PASSWORD\",\"known-hosts\":\"/etc/shelfstream/known_hosts\","
          + "\"remote-dir\":\"outbound/\"";

  private static ObjectNode json(String body) {
    try {
      return (ObjectNode) JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<ConfigError> errors(String body) {
    return new SftpStoreKind().validate(json(body));
  }

  private static ConfigError onlyError(String more) {
    List<ConfigError> errors = errors("{" + VALID + "," + more + "}");
    assertThat(errors).as(more).hasSize(1);
    return errors.get(0);
  }

  @Test
  void aFullSpecReadsAsWritten() {
    SftpSettings settings =
        SftpSettings.of(
            json(
                "{\"type\":\"sftp\",\"host\":\"10.0.0.7\",\"port\":2222,\"user\":\"feeds\","
                    + "\"private-key-file\":\"/keys/id_ed25519\","
                    + "\"passphrase-file\":\"/keys/pp\",\"known-hosts\":\"/keys/known_hosts\","
                    + "\"remote-dir\":\"/srv/out\","
                    + "\"connect-timeout\":\"3s\",\"auth-timeout\":\"20s\","
                    + "\"patterns\":{\"inventory\":\"INV_*.csv\"},\"poll-interval\":\"1m\"}"));
    assertThat(settings.host()).isEqualTo("10.0.0.7");
    assertThat(settings.port()).isEqualTo(2222);
    assertThat(settings.password()).isNull();
    assertThat(settings.privateKeyFile()).isEqualTo(Path.of("/keys/id_ed25519"));
    assertThat(settings.passphrase()).hasToString("passphrase-file=/keys/pp");
    assertThat(settings.strictHostKeyChecking()).isTrue();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.authTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.describe()).isEqualTo("sftp://feeds@10.0.0.7:2222/srv/out");
  }

  @Test
  void defaultsArePort22TenSecondTimeoutsAndCheckedHostKeys() {
    SftpSettings settings = SftpSettings.of(json("{" + VALID + "}"));
    assertThat(settings.port()).isEqualTo(22);
    assertThat(settings.strictHostKeyChecking()).isTrue();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.authTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.remoteDir()).isEqualTo("outbound");
    assertThat(settings.describe()).isEqualTo("sftp://feeds@sftp.retailer.example:22/~/outbound");
    SftpStoreKind kind = new SftpStoreKind();
    assertThat(kind.typeName()).isEqualTo("sftp");
    assertThat(kind.defaultPollInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(kind.defaultProcessedDirectory()).isNull();
  }

  @Test
  void anEmptySpecNamesEveryRequiredField() {
    assertThat(errors("{\"type\":\"sftp\"}"))
        .containsExactlyInAnyOrder(
            new ConfigError("host", "is required"),
            new ConfigError("user", "is required"),
            new ConfigError(
                "password-env",
                "a password or a key is required: set password-env, password-file or"
                    + " private-key-file"),
            new ConfigError(
                "known-hosts",
                "is required: the path of an OpenSSH known_hosts file holding the server's key"
                    + " (ssh-keyscan -p PORT HOST >> FILE), or set strict-host-key-checking ="
                    + " false to trust any key (not recommended)"),
            new ConfigError("remote-dir", "is required"));
  }

  @Test
  void anInlinePasswordIsRefusedWithoutEchoingIt() {
    for (String inline : List.of("\"hunter2-Secret\"", "123456789", "{\"v\":\"hunter2-Secret\"}")) {
      List<ConfigError> errors = errors("{" + VALID + ",\"password\":" + inline + "}");
      assertThat(errors)
          .containsExactly(
              new ConfigError(
                  "password",
                  "must not be written in the settings, which are journaled and shown: name an"
                      + " environment variable with password-env or a file with password-file"));
      assertThat(errors.toString()).doesNotContain("hunter2").doesNotContain("123456789");
    }
    assertThat(onlyError("\"private-key-file\":\"/k\",\"passphrase\":\"hunter2\""))
        .isEqualTo(
            new ConfigError(
                "passphrase",
                "must not be written in the settings, which are journaled and shown: name an"
                    + " environment variable with passphrase-env or a file with passphrase-file"));
  }

  @Test
  void anArchiveDirPointsToTheCommonProcessedDir() {
    assertThat(onlyError("\"archive-dir\":\"archive\""))
        .isEqualTo(
            new ConfigError(
                "archive-dir",
                "is named processed-dir: the sub-directory of remote-dir where read files move"
                    + " (without it they stay where they are)"));
  }

  @Test
  void eachBadValueNamesItsField() {
    assertThat(onlyError("\"port\":0"))
        .isEqualTo(new ConfigError("port", "must be from 1 to 65535, got 0"));
    assertThat(onlyError("\"port\":\"22\"").field()).isEqualTo("port");
    assertThat(onlyError("\"password-file\":\"/p\""))
        .isEqualTo(new ConfigError("password-env", "set password-env or password-file, not both"));
    assertThat(onlyError("\"password-env\":\"MY-PASS\"")) // replaces the valid one
        .isEqualTo(
            new ConfigError(
                "password-env",
                "must be the name of an environment variable (letters, digits and _), got"
                    + " \"MY-PASS\""));
    assertThat(onlyError("\"passphrase-env\":\"PP\""))
        .isEqualTo(
            new ConfigError(
                "passphrase-env", "is only used with private-key-file, which is not set"));
    assertThat(onlyError("\"strict-host-key-checking\":\"no\"").field())
        .isEqualTo("strict-host-key-checking");
    assertThat(onlyError("\"connect-timeout\":\"10 parsecs\"").field())
        .isEqualTo("connect-timeout");
    assertThat(onlyError("\"auth-timeout\":\"1h\"").field()).isEqualTo("auth-timeout");
    assertThat(onlyError("\"remote-dir\":\"\""))
        .isEqualTo(new ConfigError("remote-dir", "must not be empty"));
    assertThat(onlyError("\"known-hosts\":\"a\\u0000b\"").field()).isEqualTo("known-hosts");
  }

  @Test
  void hostKeyCheckingOffNeedsNoKnownHosts() {
    String body =
        "{\"type\":\"sftp\",\"host\":\"h\",\"user\":\"u\",\"password-file\":\"/p\","
            + "\"remote-dir\":\"in\",\"strict-host-key-checking\":false}";
    assertThat(errors(body)).isEmpty();
  }

  @Test
  void keysOfTheCommonFilePipelineAreNotItsErrors() {
    assertThat(
            errors(
                "{" + VALID + ",\"patterns\":{\"inventory\":\"INV_*.csv\"},\"delimiter\":\";\"}"))
        .isEmpty();
    assertThat(new SftpStoreKind().settingNames()).contains("host", "remote-dir", "password");
  }

  @Test
  void invalidSettingsAreRefusedOnOpenNamingTheirFields() {
    assertThatThrownBy(
            () -> new SftpStoreKind().open(json("{\"type\":\"sftp\",\"password\":\"hunter2\"}")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("invalid sftp settings: host is required; user is required;")
        .hasMessageContaining("password must not be written in the settings")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void theSettingsNameWhereSecretsAreNeverWhatTheyAre() {
    SftpSettings settings = SftpSettings.of(json("{" + VALID + "}"));
    assertThat(settings.password()).hasToString("password-env=FEEDS_PASSWORD");
    assertThat(settings.toString()).contains("password-env=FEEDS_PASSWORD");
  }
}
