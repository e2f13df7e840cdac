package io.shelfstream.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spec holds secrets only as references; one journaled with a secret inline never shows it. */
class InlineSecretsTest {
  private static final SourceType ANY =
      new SourceType() {
        @Override
        public String name() {
          return "any";
        }

        @Override
        public List<ConfigError> validate(IntegrationSpec spec) {
          return List.of();
        }

        @Override
        public IntegrationSource create(IntegrationSpec spec) {
          throw new UnsupportedOperationException("not run here");
        }
      };

  private static IntegrationSpec spec(String json) {
    return IntegrationBodies.parse("it", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSecretGivenInlineIsRefusedNamingTheFieldAndTheWayToGiveIt() {
    var refused =
        catchThrowableOfType(
            () ->
                new SourceTypes(List.of(ANY))
                    .validate(
                        spec(
                            "{\"type\":\"any\",\"password\":\"hunter2\",\"api-key\":\"${env:bad name}\"}")),
            InvalidIntegrationException.class);
    assertThat(refused.errors())
        .extracting(ConfigError::field)
        .containsExactly("password", "api-key");
    assertThat(refused.errors().get(0).error())
        .contains("is a secret and cannot be given inline")
        .contains("\"${env:NAME}\"")
        .contains("\"file:/path/to/secret\"");
    assertThat(refused.errors().get(1).error()).contains("is not a valid reference");
    assertThat(refused.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void referencesAreAccepted() {
    new SourceTypes(List.of(ANY))
        .validate(
            spec(
                "{\"type\":\"any\",\"password\":\"${env:PW}\",\"api-key\":\"file:/run/secrets/k\","
                    + "\"password-env\":\"PW\"}"));
  }

  @Test
  void aSpecShowsItsInlineSecretsMaskedAndItsReferencesAsWritten() {
    IntegrationSpec old =
        spec(
            "{\"type\":\"kafka\",\"properties\":{\"sasl.jaas.config\":\"x password=\\\"hunter2\\\";\","
                + "\"ssl.keystore.password\":\"${env:KS}\"}}");
    assertThat(old.toString()).doesNotContain("hunter2").contains("***").contains("${env:KS}");
    assertThat(old.redacted().settingsJson()).doesNotContain("hunter2").contains("${env:KS}");
    assertThat(old.redacted().id()).isEqualTo("it");
    var put = new IntegrationRegistry.IntegrationPut(old);
    assertThat(put.toString()).doesNotContain("hunter2");
    assertThat(put.redacted().spec().settingsJson()).doesNotContain("hunter2");
  }
}
