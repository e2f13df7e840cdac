package io.shelfstream.protocols.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.mapping.convert.ValueProblem;
import io.shelfstream.protocols.mapping.path.SourceRef;
import io.shelfstream.protocols.mapping.pii.PiiKey;
import io.shelfstream.protocols.mapping.record.Record;
import io.shelfstream.protocols.mapping.spec.FieldSpec;
import io.shelfstream.protocols.mapping.spec.MappingSpec;
import io.shelfstream.protocols.mapping.spec.WireField;
import io.shelfstream.protocols.pos.ParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Applies a validated mapping to one record: one event, or one per element of the fan-out. */
final class RecordMapper {
  /** A record fanning out to more events than this is refused, not mapped without bound. */
  static final int MAX_FAN_OUT = 10_000;

  static final int MAX_ERRORS = 100;

  private final MappingSpec spec;
  private final FieldSpec eventIdField;
  private final WireDecoder decoder;
  private final PiiFields pii;

  RecordMapper(MappingSpec spec, String defaultSource, Optional<PiiKey> piiKey) {
    this.spec = spec;
    this.eventIdField =
        spec.fields().stream()
            .filter(f -> f.target() == WireField.EVENT_ID)
            .findFirst()
            .orElse(null);
    this.decoder = new WireDecoder(defaultSource);
    this.pii = new PiiFields(piiKey);
  }

  MappingResult apply(Record record) {
    // a set: a bad shared field would otherwise be reported once per element
    Set<MappingError> errors = new LinkedHashSet<>();
    List<RetailEvent> events = new ArrayList<>();
    if (spec.each() == null) {
      mapOne(record, null, -1, events, errors);
    } else {
      JsonNode array = record.at(spec.each());
      String each = spec.each().text();
      if (array == null || !array.isArray()) {
        String got = array == null ? "nothing" : shown(array);
        errors.add(new MappingError("each", each, "must be an array to fan out on, got " + got));
      } else if (array.isEmpty()) {
        errors.add(new MappingError("each", each, "is empty: the record gives no event"));
      } else if (array.size() > MAX_FAN_OUT) {
        errors.add(new MappingError("each", each, "has more than " + MAX_FAN_OUT + " elements"));
      } else {
        for (int i = 0; i < array.size(); i++) {
          mapOne(record, array.get(i), i, events, errors);
        }
      }
    }
    return errors.isEmpty()
        ? new MappingResult.Mapped(events)
        : new MappingResult.Failed(firstErrors(errors));
  }

  /** A pii field may read inside what should have been the array: its type only, then. */
  private String shown(JsonNode notAnArray) {
    boolean hasPii = spec.fields().stream().anyMatch(field -> field.pii() != null);
    return hasPii
        ? "a " + notAnArray.getNodeType().name().toLowerCase(Locale.ROOT)
        : ValueProblem.show(notAnArray);
  }

  /** A dead letter's reason stays readable when each of thousands of lines fails. */
  private static List<MappingError> firstErrors(Set<MappingError> errors) {
    if (errors.size() <= MAX_ERRORS) {
      return List.copyOf(errors);
    }
    List<MappingError> first = new ArrayList<>(errors).subList(0, MAX_ERRORS);
    int more = errors.size() - MAX_ERRORS;
    first.add(new MappingError("record", "(record)", "and " + more + " more errors"));
    return first;
  }

  private void mapOne(
      Record record,
      JsonNode element,
      int index,
      List<RetailEvent> events,
      Set<MappingError> errors) {
    Function<SourceRef, JsonNode> sources =
        ref -> ref.perElement() ? ref.resolveIn(element) : record.at(ref.path());
    ObjectNode wire = JsonNodeFactory.instance.objectNode();
    List<MappingError> found = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    for (FieldSpec field : spec.fields()) {
      try {
        JsonNode value =
            field.pii() == null ? FieldMapper.map(field, sources) : pii.map(field, sources);
        if (value != null) {
          wire.set(field.target().wireName(), value);
        }
      } catch (ValueProblem problem) {
        failed.add(field.target().wireName());
        found.add(
            new MappingError(
                field.target().wireName(), describe(field.source(), index), problem.reason()));
      }
    }
    EventIds.assign(wire, eventIdField, index);
    List<MappingError> rules = new ArrayList<>();
    ParseResult.Parsed parsed = decoder.decode(wire, target -> sourceOf(target, index), rules);
    // a field that failed to map is absent from the wire, where the POS rules would say so again
    rules.stream().filter(error -> !failed.contains(error.target())).forEach(found::add);
    if (found.isEmpty() && parsed != null) {
      events.add(parsed.event());
    }
    errors.addAll(found);
  }

  private String sourceOf(String target, int index) {
    var field = WireField.fromWireName(target).flatMap(this::fieldFor);
    if (field.isPresent()) {
      return describe(field.get().source(), index);
    }
    if (target.equals("record") && index >= 0) {
      return spec.each().text() + "[" + index + "]";
    }
    return target.equals("record") ? "(record)" : "(not mapped)";
  }

  private Optional<FieldSpec> fieldFor(WireField target) {
    return spec.fields().stream().filter(f -> f.target() == target).findFirst();
  }

  private static String describe(SourceRef source, int index) {
    return source == null ? "(none)" : source.describe(index);
  }
}
