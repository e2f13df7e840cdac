package io.shelfstream.protocols.mapping.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.convert.TimestampRule;
import io.shelfstream.protocols.mapping.path.SourceRef;
import io.shelfstream.protocols.mapping.pii.PiiRule;
import io.shelfstream.protocols.mapping.transform.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one target field is filled, as validated by {@link SpecReader}. {@code source}, {@code
 * defaultValue}, {@code enumDefault}, {@code timestamps} and {@code pii} are null when not given;
 * {@code enumValues} is empty when the field has no enum mapping.
 */
public record FieldSpec(
    WireField target,
    SourceRef source,
    ValueType type,
    boolean required,
    JsonNode defaultValue,
    List<Transform> transforms,
    Map<String, JsonNode> enumValues,
    JsonNode enumDefault,
    TimestampRule timestamps,
    PiiRule pii) {

  public FieldSpec {
    transforms = List.copyOf(transforms);
    enumValues = Map.copyOf(enumValues);
  }

  /** Every source the field reads: its own, then its concat parts'. */
  public List<SourceRef> sources() {
    List<SourceRef> read = new ArrayList<>();
    if (source != null) {
      read.add(source);
    }
    transforms.stream()
        .filter(transform -> transform instanceof Transform.Concat)
        .flatMap(concat -> ((Transform.Concat) concat).parts().stream())
        .filter(part -> part.source() != null)
        .forEach(part -> read.add(part.source()));
    return read;
  }

  /** Whether the value comes, at least in part, from each element of the fan-out. */
  public boolean readsEachElement() {
    boolean fromSource = source != null && source.perElement();
    return fromSource
        || transforms.stream()
            .filter(transform -> transform instanceof Transform.Concat)
            .flatMap(concat -> ((Transform.Concat) concat).parts().stream())
            .anyMatch(part -> part.source() != null && part.source().perElement());
  }
}
