package io.shelfstream.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.mapping.MappingResult;
import io.shelfstream.protocols.mapping.record.Record;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingSettingTest {
  private static final String MAPPING =
      "{\"fields\": ["
          + "{\"target\": \"type\", \"transforms\": [{\"constant\": \"count\"}]},"
          + "{\"target\": \"occurredAt\", \"source\": \"at\", \"formats\": [\"iso\"],"
          + " \"zone\": \"UTC\"},"
          + "{\"target\": \"locationId\", \"source\": \"store\"},"
          + "{\"target\": \"sku\", \"source\": \"sku\"},"
          + "{\"target\": \"onHand\", \"source\": \"units\"}]}";

  private static SettingsReader settings(String json) {
    return SettingsReader.of(new IntegrationSpec("feed", "test", json));
  }

  @Test
  void aValidMappingIsCompiledWithTheDefaultSource() {
    var settings = settings("{\"type\": \"test\", \"mapping\": " + MAPPING + "}");
    var mapping = MappingSetting.read(settings, "erp");
    assertThat(settings.errors()).isEmpty();
    var result =
        mapping
            .orElseThrow()
            .apply(
                Record.row(
                    Map.of("at", "2026-03-01T08:00:00Z", "store", "S1", "sku", "A", "units", "4")));
    assertThat(((MappingResult.Mapped) result).events().get(0).source()).isEqualTo("erp");
  }

  @Test
  void noMappingIsNoMappingAndNoError() {
    var settings = settings("{\"type\": \"test\"}");
    assertThat(MappingSetting.read(settings, "erp")).isEmpty();
    assertThat(settings.errors()).isEmpty();
  }

  @Test
  void eachProblemIsNamedUnderMapping() {
    var settings =
        settings(
            "{\"type\": \"test\", \"mapping\": "
                + MAPPING
                    .replace("\"units\"", "\"a..b\"")
                    .replace("\"zone\": \"UTC\"", "\"zone\": \"Mars\"")
                + "}");
    assertThat(MappingSetting.read(settings, "erp")).isEmpty();
    assertThat(settings.errors())
        .extracting(ConfigError::field)
        .containsExactlyInAnyOrder("mapping.occurredAt", "mapping.onHand");
    assertThat(settings.errors())
        .extracting(ConfigError::error)
        .anySatisfy(error -> assertThat(error).isEqualTo("unknown zone \"Mars\""));
  }

  @Test
  void aMappingThatIsNotAnObjectIsNamed() {
    var settings = settings("{\"type\": \"test\", \"mapping\": [1]}");
    assertThat(MappingSetting.read(settings, "erp")).isEmpty();
    assertThat(settings.errors()).extracting(ConfigError::field).containsExactly("mapping");
  }

  @Test
  void aBadDefaultSourceIsNotBlamedOnTheMapping() {
    var settings = settings("{\"type\": \"test\", \"mapping\": " + MAPPING + "}");
    assertThat(MappingSetting.read(settings, " ")).isPresent();
    assertThat(settings.errors()).isEmpty();
  }
}
