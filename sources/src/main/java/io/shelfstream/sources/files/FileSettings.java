package io.shelfstream.sources.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import io.shelfstream.engine.integration.SettingsReader;
import io.shelfstream.protocols.event.TextRules;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.pos.PosLineParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settings every file source shares (its kind reads where the files are: a {@code path}, an
 * SFTP server), as JSON (a PUT body) or HOCON:
 *
 * <pre>
 * files {                                  # required: the kinds of file read, by a name of yours
 *   sales = "DAILY_SALES_*.csv"            # a built-in layout's name: its files' pattern
 *   inventory = "INV_SNAPSHOT_*.csv"
 *   demand-signals = "DEMAND_*.csv"
 *   acme { pattern = "ACME_*.csv", mapping { fields = [...] } }   # any layout, by a mapping
 *   nightly { pattern = "NIGHTLY_*.csv", layout = sales }         # a layout under another name
 * }
 * zone = "Europe/Paris"          # the zone of the layouts' dates, written without offset
 * location = "store-042"         # the location of sales rows, which name none
 * delimiter = comma              # or tab, semicolon, pipe
 * quote = "\""
 * default-source = &lt;id&gt;         # the source of events whose mapping fills none
 * poll-interval = 5s             # default: the kind's (directory 5s, sftp 15 min)
 * stable-for = 2s                # a file is read once its size and time have not changed for this
 * done-marker = ".done"          # or: once NAME.done exists (then stable-for is not used)
 * processed-dir = processed      # where read files move; errors-dir, where files with errors do
 * errors-dir = errors
 * max-record-bytes = 1048576     # a longer record is rejected, and the file goes on after it
 * </pre>
 */
public record FileSettings(
    String integrationId,
    List<FileFeed> feeds,
    Delimiter delimiter,
    byte quote,
    String defaultSource,
    Duration pollInterval,
    Duration stableFor,
    String doneMarker,
    String processedDir,
    String errorsDir,
    int maxRecordBytes,
    ObjectNode store) {

  /**
   * The settings of a valid spec; throws {@link InvalidIntegrationException} naming every field.
   */
  public static FileSettings of(IntegrationSpec spec, FileStoreKind kind) {
    return of(spec, kind, MappingOptions.NONE);
  }

  /** As {@link #of(IntegrationSpec, FileStoreKind)}, mappings compiled with the node's options. */
  public static FileSettings of(
      IntegrationSpec spec, FileStoreKind kind, MappingOptions mappingOptions) {
    List<ConfigError> errors = new ArrayList<>();
    FileSettings settings = read(spec, kind, mappingOptions, errors);
    if (!errors.isEmpty()) {
      throw new InvalidIntegrationException(spec.id(), errors);
    }
    return settings;
  }

  /** Every problem with the spec's settings, the kind's own included; empty when valid. */
  public static List<ConfigError> errors(IntegrationSpec spec, FileStoreKind kind) {
    return errors(spec, kind, MappingOptions.NONE);
  }

  /** As {@link #errors(IntegrationSpec, FileStoreKind)}, with the node's mapping options. */
  public static List<ConfigError> errors(
      IntegrationSpec spec, FileStoreKind kind, MappingOptions mappingOptions) {
    List<ConfigError> errors = new ArrayList<>();
    try {
      read(spec, kind, mappingOptions, errors);
    } catch (InvalidIntegrationException unreadable) {
      return unreadable.errors();
    }
    return errors;
  }

  private static FileSettings read(
      IntegrationSpec spec,
      FileStoreKind kind,
      MappingOptions mappingOptions,
      List<ConfigError> errors) {
    SettingsReader settings = SettingsReader.of(spec);
    String source = settings.string("default-source", defaultSource(spec.id()), 64);
    if (source != null && TextRules.nameProblem(source).isPresent()) {
      settings.error("default-source", TextRules.nameProblem(source).get());
      source = PosLineParser.DEFAULT_SOURCE;
    }
    String delimiterName = settings.oneOf("delimiter", "comma", Delimiter.names());
    Delimiter delimiter =
        Delimiter.names().contains(delimiterName)
            ? Delimiter.valueOf(delimiterName.toUpperCase(Locale.ROOT))
            : Delimiter.COMMA;
    String quote = settings.string("quote", "\"", 16);
    byte quoteByte = (byte) '"';
    if (quote != null && (quote.length() != 1 || quote.charAt(0) >= 128)) {
      settings.error("quote", "must be one ASCII character, such as \"'\"");
    } else if (quote != null && (byte) quote.charAt(0) == delimiter.value()) {
      settings.error("quote", "must differ from the delimiter");
    } else if (quote != null) {
      quoteByte = (byte) quote.charAt(0);
    }
    List<FileFeed> feeds = FileFeeds.read(settings, source, mappingOptions);
    Duration poll =
        settings.duration(
            "poll-interval",
            kind.defaultPollInterval(),
            Duration.ofMillis(100),
            Duration.ofDays(1));
    Duration stable =
        settings.duration("stable-for", Duration.ofSeconds(2), Duration.ZERO, Duration.ofHours(1));
    String marker = settings.string("done-marker", null, 64);
    if (marker != null && (marker.contains("/") || marker.contains("*"))) {
      settings.error("done-marker", "must be a file name suffix such as \".done\"");
    }
    String processed = directory(settings, "processed-dir", kind.defaultProcessedDirectory());
    String failed = directory(settings, "errors-dir", "errors");
    int maxRecord = settings.integer("max-record-bytes", 1 << 20, 1024, 64 << 20);
    Set<String> storeKeys = kind.settingNames();
    for (ConfigError error : settings.errors()) {
      if (!storeKeys.contains(error.field())) {
        errors.add(error);
      }
    }
    errors.addAll(kind.validate(spec.settings()));
    return new FileSettings(
        spec.id(),
        feeds,
        delimiter,
        quoteByte,
        source,
        poll,
        stable,
        marker,
        processed,
        failed,
        maxRecord,
        spec.settings());
  }

  private static String directory(SettingsReader settings, String key, String fallback) {
    String name = settings.string(key, fallback, 255);
    if (name != null && (name.contains("/") || name.contains("\\") || name.startsWith("."))) {
      settings.error(key, "must be the name of a sub-directory, such as \"processed\"");
    }
    return name;
  }

  /** The integration's id when it is a valid source name, else the POS default. */
  private static String defaultSource(String id) {
    return id != null && id.length() <= 64 && TextRules.nameProblem(id).isEmpty()
        ? id
        : PosLineParser.DEFAULT_SOURCE;
  }
}
