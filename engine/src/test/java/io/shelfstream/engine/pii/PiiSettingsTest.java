package io.shelfstream.engine.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.integration.MappedRecords;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.protocols.mapping.CompileResult;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node's pii key from its config, and the raw text dead letters keep of mapped records. */
class PiiSettingsTest {
  private static final String KEY = "pii-key-" + "x".repeat(24);
  private static final SecretResolver ENV =
      new SecretResolver(Map.of("SHELFSTREAM_PII_KEY", KEY, "SHORT", "abc")::get);
  private static final String MAPPING =
      """
      {"fields": [
        {"target": "type", "transforms": [{"constant": "sale"}]},
        {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
        {"target": "locationId", "source": "store"},
        {"target": "sku", "source": "sku"},
        {"target": "qty", "source": "qty"},
        {"target": "customerSegment", "source": "email", "pii": "hash"}
      ]}""";

  private static MappingOptions options(String setting) {
    return PiiSettings.fromConfig(
        ConfigFactory.parseMap(Map.of(PiiSettings.KEY, setting))
            .withFallback(ConfigFactory.defaultReference()),
        ENV);
  }

  @Test
  void theKeyIsResolvedFromItsReference() {
    MappingOptions options = options("${env:SHELFSTREAM_PII_KEY}");

    assertThat(options.piiKey()).isPresent();
    assertThat(options.toString()).doesNotContain(KEY);
    assertThat(Mapping.compile(MAPPING, "shop", options))
        .isInstanceOf(CompileResult.Compiled.class);
  }

  @Test
  void withoutASettingThereIsNoKey() {
    assertThat(PiiSettings.fromConfig(ConfigFactory.defaultReference(), ENV))
        .isEqualTo(MappingOptions.NONE);
  }

  @Test
  void aKeyWrittenInlineTooShortOrMissingFailsTheStartWithoutShowingIt() {
    assertThatThrownBy(() -> options(KEY))
        .hasMessageContaining("must be a secret reference")
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> options("${env:SHORT}"))
        .hasMessage(
            "shelfstream.pii.hmac-key (${env:SHORT}): the HMAC key must be at least 16 bytes long");
    assertThatThrownBy(() -> options("${env:UNSET}")).hasMessageContaining("is not set");
  }

  @Test
  void aFailedRecordIsKeptWithItsEmailMasked() {
    Mapping mapping =
        ((CompileResult.Compiled)
                Mapping.compile(MAPPING, "shop", options("${env:SHELFSTREAM_PII_KEY}")))
            .mapping();
    var records = new MappedRecords(mapping, "shop");
    String bad =
        "{\"at\": \"2026-03-01T10:00:00Z\", \"store\": \"S1\", \"sku\": \"A\", \"qty\": \"two\","
            + " \"email\": \"ann@example.com\"}";

    List<Decoded<Long>> failed = records.decode(1L, "record 1", bytes(bad), null);
    List<Decoded<Long>> broken = records.decode(2L, "record 2", bytes(bad.substring(0, 95)), null);
    List<Decoded<Long>> array = records.decode(3L, "record 3", bytes("[" + bad + "]"), null);

    assertThat(raw(failed)).contains("\"email\":\"***\"").contains("\"qty\":\"two\"");
    assertThat(raw(broken)).contains("\"email\": \"***\"");
    assertThat(raw(array)).contains("\"email\": \"***\"");
    assertThat(raw(failed) + raw(broken) + raw(array)).doesNotContain("ann@");
    assertThat(records.keptRaw(new byte[] {'{', (byte) 0xff, 'a', 'n', 'n'}))
        .startsWith("*** (a record of");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String raw(List<Decoded<Long>> decoded) {
    assertThat(decoded).hasSize(1);
    return ((Decoded.Invalid<Long>) decoded.get(0)).raw();
  }
}
