package io.shelfstream.protocols.mapping.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shelfstream.protocols.mapping.path.SourcePath;
import java.util.Map;

/**
 * A CSV row: every value is text, and a path is looked up as a column name, dots and all, so that a
 * header such as {@code unit.price} needs no escaping.
 */
public record RowRecord(Map<String, String> columns) implements Record {

  @Override
  public JsonNode at(SourcePath path) {
    String column = path.singleName() != null ? path.singleName() : path.text();
    String cell = columns == null ? null : columns.get(column);
    return cell == null || cell.isEmpty() ? null : TextNode.valueOf(cell);
  }
}
