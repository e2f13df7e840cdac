package io.shelfstream.protocols.mapping.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.convert.TimestampRule;
import io.shelfstream.protocols.mapping.path.SourceRef;
import io.shelfstream.protocols.mapping.transform.Transform;
import java.util.List;
import java.util.Map;

/**
 * How one target field is filled, as validated by {@link SpecReader}. {@code source}, {@code
 * defaultValue}, {@code enumDefault} and {@code timestamps} are null when not given; {@code
 * enumValues} is empty when the field has no enum mapping.
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
    TimestampRule timestamps) {

  public FieldSpec {
    transforms = List.copyOf(transforms);
    enumValues = Map.copyOf(enumValues);
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
