package io.shelfstream.http.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.SettingsReader;
import io.shelfstream.protocols.mapping.CompileResult;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.mapping.layout.Layout;
import io.shelfstream.protocols.mapping.layout.LayoutOptions;
import io.shelfstream.protocols.mapping.record.Record;
import io.shelfstream.protocols.mapping.spec.SpecProblem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /v1/mappings/test}, read strictly: a mapping (or a built-in layout and
 * its options) and sample records, as JSON objects ({@code records}) or CSV rows of column to text
 * ({@code rows}). Every problem is collected, each naming its field ({@code mapping.qty}, {@code
 * options.zone}, {@code rows[2].Qty}).
 */
record MappingTestRequest(Mapping mapping, List<Record> records) {
  static final int MAX_RECORDS = 1000;
  static final String DEFAULT_SOURCE = "test";
  private static final Set<String> KEYS =
      Set.of("mapping", "layout", "options", "source", "records", "rows");
  private static final Set<String> OPTIONS = Set.of("zone", "locationId", "eventIdColumn");

  sealed interface Read {}

  record Valid(MappingTestRequest request) implements Read {}

  record Invalid(String error, List<ConfigError> errors) implements Read {}

  static Read of(JsonNode body, MappingOptions options) {
    if (body == null || !body.isObject()) {
      return invalid("body", "must be a JSON object with a mapping (or layout) and records");
    }
    List<ConfigError> errors = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            key -> {
              if (!KEYS.contains(key)) {
                errors.add(
                    new ConfigError(key, "is not a field" + SettingsReader.suggestion(key, KEYS)));
              }
            });
    String source = text(body, "source", DEFAULT_SOURCE, errors);
    List<Record> records = records(body, errors);
    if (!errors.isEmpty()) {
      return new Invalid("invalid request", errors);
    }
    Mapping mapping = mapping(body, source, options, errors);
    return errors.isEmpty()
        ? new Valid(new MappingTestRequest(mapping, records))
        : new Invalid("invalid mapping", errors);
  }

  private static Mapping mapping(
      JsonNode body, String source, MappingOptions options, List<ConfigError> errors) {
    boolean hasMapping = body.has("mapping");
    boolean hasLayout = body.has("layout");
    if (hasMapping == hasLayout) {
      errors.add(
          new ConfigError(
              "mapping", "give either a mapping or a layout (one of " + Layout.names() + ")"));
      return null;
    }
    if (hasMapping) {
      if (body.has("options")) {
        errors.add(new ConfigError("options", "are for a layout, not a mapping"));
      }
      CompileResult compiled = Mapping.compile(body.get("mapping"), source, options);
      if (compiled instanceof CompileResult.Invalid invalid) {
        for (SpecProblem problem : invalid.problems()) {
          errors.add(new ConfigError("mapping." + problem.field(), problem.problem()));
        }
        return null;
      }
      return ((CompileResult.Compiled) compiled).mapping();
    }
    return layout(body, source, errors);
  }

  private static Mapping layout(JsonNode body, String source, List<ConfigError> errors) {
    JsonNode name = body.get("layout");
    var layout = name.isTextual() ? Layout.fromName(name.textValue()) : Optional.<Layout>empty();
    if (layout.isEmpty()) {
      errors.add(
          new ConfigError(
              "layout",
              "must be one of "
                  + String.join(", ", Layout.names())
                  + ", got "
                  + SettingsReader.describe(name)));
      return null;
    }
    JsonNode options = body.path("options");
    if (!options.isObject()) {
      errors.add(new ConfigError("options", "is required: an object with at least \"zone\""));
      return null;
    }
    options
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!OPTIONS.contains(key)) {
                errors.add(
                    new ConfigError(
                        "options." + key,
                        "is not an option" + SettingsReader.suggestion(key, OPTIONS)));
              }
            });
    String zoneName = text(options, "zone", null, errors, "options.");
    String locationId = text(options, "locationId", null, errors, "options.");
    String eventIdColumn = text(options, "eventIdColumn", null, errors, "options.");
    ZoneId zone = null;
    if (zoneName != null) {
      try {
        zone = ZoneId.of(zoneName);
      } catch (DateTimeException unknown) {
        errors.add(new ConfigError("options.zone", "unknown zone \"" + zoneName + "\""));
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    var layoutOptions = new LayoutOptions(source, zone, locationId, eventIdColumn);
    var problem = layout.get().optionsProblem(layoutOptions);
    if (problem.isPresent()) {
      errors.add(new ConfigError("options", problem.get()));
      return null;
    }
    return layout.get().mapping(layoutOptions);
  }

  private static List<Record> records(JsonNode body, List<ConfigError> errors) {
    boolean asJson = body.has("records");
    if (asJson == body.has("rows")) {
      errors.add(
          new ConfigError(
              "records",
              "give either \"records\" (JSON objects) or \"rows\" (CSV rows: objects of column"
                  + " to text)"));
      return List.of();
    }
    String key = asJson ? "records" : "rows";
    JsonNode given = body.get(key);
    if (!given.isArray() || given.isEmpty() || given.size() > MAX_RECORDS) {
      errors.add(new ConfigError(key, "must be an array of 1 to " + MAX_RECORDS + " records"));
      return List.of();
    }
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      JsonNode record = given.get(i);
      records.add(asJson ? Record.json(record) : row(key + "[" + i + "]", record, errors));
    }
    return records;
  }

  /** A CSV row: every cell is text, as a CSV file would give it. */
  private static Record row(String where, JsonNode row, List<ConfigError> errors) {
    if (!row.isObject()) {
      errors.add(new ConfigError(where, "must be an object of column to text"));
      return null;
    }
    Map<String, String> cells = new LinkedHashMap<>();
    row.fields()
        .forEachRemaining(
            cell -> {
              JsonNode value = cell.getValue();
              if (value.isTextual()) {
                cells.put(cell.getKey(), value.textValue());
              } else if (value.isNull()) {
                cells.put(cell.getKey(), "");
              } else {
                errors.add(
                    new ConfigError(
                        where + "." + cell.getKey(),
                        "must be text, as a CSV cell is, got " + SettingsReader.describe(value)));
              }
            });
    return Record.row(cells);
  }

  private static String text(JsonNode node, String key, String fallback, List<ConfigError> errors) {
    return text(node, key, fallback, errors, "");
  }

  private static String text(
      JsonNode node, String key, String fallback, List<ConfigError> errors, String prefix) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      errors.add(
          new ConfigError(
              prefix + key, "must be a non-empty string, got " + SettingsReader.describe(value)));
      return fallback;
    }
    return value.textValue();
  }

  private static Invalid invalid(String field, String error) {
    return new Invalid("invalid request", List.of(new ConfigError(field, error)));
  }
}
