package io.shelfstream.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.sources.files.directory.DirectoryStoreKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file sources' settings: both forms of {@code files}, defaults, and errors by field. */
class FileSettingsTest {
  private final DirectoryStoreKind kind = new DirectoryStoreKind();

  private static IntegrationSpec spec(String json) {
    return new IntegrationSpec("feeds", "directory", json);
  }

  @Test
  void layoutsByNameAndMappingsByPatternWithTheKindsDefaults() {
    FileSettings settings =
        FileSettings.of(
            spec(
                "{\"type\": \"directory\", \"path\": \"/in\", \"zone\": \"Europe/Paris\","
                    + " \"location\": \"S1\", \"files\": {\"sales\": \"DAILY_SALES_*.csv\","
                    + " \"nightly\": {\"pattern\": \"N_*.csv\", \"layout\": \"inventory\"},"
                    + " \"acme\": {\"pattern\": \"ACME_*.csv\", \"mapping\": {\"fields\": ["
                    + "{\"target\": \"type\", \"transforms\": [{\"constant\": \"sale\"}]},"
                    + "{\"target\": \"occurredAt\", \"source\": \"d\", \"formats\": [\"iso\"],"
                    + " \"zone\": \"UTC\"},"
                    + "{\"target\": \"sku\", \"source\": \"s\", \"required\": true}]}}}}"),
            kind);
    assertThat(settings.feeds())
        .extracting(FileFeed::pattern)
        .containsExactly("DAILY_SALES_*.csv", "N_*.csv", "ACME_*.csv");
    assertThat(settings.feeds().get(2).requiredColumns()).containsExactly("s");
    assertThat(settings.feeds().get(0).matches("DAILY_SALES_1.csv.gz")).isTrue();
    assertThat(settings.feeds().get(0).matches("INV_1.csv")).isFalse();
    assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.processedDir()).isEqualTo("processed");
    assertThat(settings.errorsDir()).isEqualTo("errors");
    assertThat(settings.delimiter()).isEqualTo(Delimiter.COMMA);
    assertThat(settings.defaultSource()).isEqualTo("feeds");
  }

  @Test
  void everyProblemNamesItsField() {
    List<ConfigError> errors =
        FileSettings.errors(
            spec(
                "{\"type\": \"directory\", \"path\": 7, \"quote\": \"ab\", \"delimiter\": \"pipe\","
                    + " \"files\": {\"sales\": \"S_*.csv\", \"x\": {\"pattern\": \"a/b\"}},"
                    + " \"poll-interval\": \"1ms\", \"processed-dir\": \"../up\"}"),
            kind);
    assertThat(errors)
        .extracting(ConfigError::field)
        .containsExactlyInAnyOrder(
            "path",
            "quote",
            "files.sales",
            "files.x.pattern",
            "files.x.layout",
            "poll-interval",
            "processed-dir");
    assertThat(FileSettings.errors(spec("{\"type\": \"directory\"}"), kind))
        .containsExactly(
            new ConfigError(
                "files",
                "is required: an object naming each kind of"
                    + " file, such as {\"sales\": \"DAILY_SALES_*.csv\"}"));
  }
}
