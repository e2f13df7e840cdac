package io.shelfstream.protocols.mapping.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.path.SourcePath;
import java.util.Map;

/**
 * One input record a mapping reads: a JSON tree of any shape (a Kafka record, an element of an HTTP
 * body) or a CSV row. A row is flat: a source path is its column's name, read as written.
 */
public sealed interface Record permits JsonRecord, RowRecord {

  static Record json(JsonNode tree) {
    return new JsonRecord(tree);
  }

  /** A CSV row, header to cell. An empty cell counts as absent, CSV having no null. */
  static Record row(Map<String, String> columns) {
    return new RowRecord(columns);
  }

  /** The value at {@code path}; null when absent (or JSON null, or an empty CSV cell). */
  JsonNode at(SourcePath path);
}
