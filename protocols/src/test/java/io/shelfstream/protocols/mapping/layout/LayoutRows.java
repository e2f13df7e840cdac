package io.shelfstream.protocols.mapping.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingError;
import io.shelfstream.protocols.mapping.MappingResult;
import io.shelfstream.protocols.mapping.record.Record;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: a CSV row from a header and a line, and what a layout makes of it. */
final class LayoutRows {
  private LayoutRows() {}

  /** The row of {@code line} under {@code header}, both comma-separated, cells as written. */
  static Map<String, String> row(String header, String line) {
    String[] columns = header.split(",", -1);
    String[] cells = line.split(",", -1);
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < columns.length; i++) {
      row.put(columns[i], i < cells.length ? cells[i] : "");
    }
    return row;
  }

  static RetailEvent event(Mapping mapping, Map<String, String> row) {
    MappingResult result = mapping.apply(Record.row(row));
    assertThat(result).as(result.toString()).isInstanceOf(MappingResult.Mapped.class);
    List<RetailEvent> events = ((MappingResult.Mapped) result).events();
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  /** The row's errors, as {@code target (from source): reason}. */
  static List<String> errors(Mapping mapping, Map<String, String> row) {
    MappingResult result = mapping.apply(Record.row(row));
    assertThat(result).as(result.toString()).isInstanceOf(MappingResult.Failed.class);
    return ((MappingResult.Failed) result).errors().stream().map(MappingError::toString).toList();
  }

  /** {@code row} with {@code column} set to {@code value}. */
  static Map<String, String> with(Map<String, String> row, String column, String value) {
    Map<String, String> changed = new LinkedHashMap<>(row);
    changed.put(column, value);
    return changed;
  }

  static Map<String, String> without(Map<String, String> row, String column) {
    Map<String, String> changed = new LinkedHashMap<>(row);
    changed.remove(column);
    return changed;
  }
}
