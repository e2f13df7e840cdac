package io.shelfstream.protocols.mapping.spec;

import io.shelfstream.protocols.mapping.path.SourcePath;
import java.util.List;

/**
 * A validated mapping: its fields in wire order, and the array it fans out on ({@code each}, null
 * when one record gives one event).
 */
public record MappingSpec(SourcePath each, List<FieldSpec> fields) {
  public MappingSpec {
    fields = List.copyOf(fields);
  }
}
