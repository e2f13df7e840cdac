package io.shelfstream.protocols.mapping.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.path.SourcePath;

/** A record read as a Jackson tree; a path walks it field by field and index by index. */
public record JsonRecord(JsonNode tree) implements Record {

  @Override
  public JsonNode at(SourcePath path) {
    return tree == null ? null : path.resolve(tree);
  }
}
