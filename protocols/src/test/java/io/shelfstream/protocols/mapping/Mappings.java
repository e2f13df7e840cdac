package io.shelfstream.protocols.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.mapping.record.Record;
import java.util.List;

/** Test helpers: mappings and records from JSON text, and the outcome of applying one. */
final class Mappings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Mappings() {}

  /** The mapping in {@code json}, which must be valid. */
  static Mapping compile(String json) {
    CompileResult result = Mapping.compile(json, "erp");
    assertThat(result).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) result).mapping();
  }

  /** The problems with the mapping in {@code json}, which must be invalid. */
  static List<String> problems(String json) {
    CompileResult result = Mapping.compile(json, "erp");
    assertThat(result).isInstanceOf(CompileResult.Invalid.class);
    return ((CompileResult.Invalid) result).problems().stream().map(Object::toString).toList();
  }

  static Record record(String json) {
    return Record.json(json(json));
  }

  static JsonNode json(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  static List<RetailEvent> events(Mapping mapping, Record record) {
    MappingResult result = mapping.apply(record);
    assertThat(result).as(result.toString()).isInstanceOf(MappingResult.Mapped.class);
    return ((MappingResult.Mapped) result).events();
  }

  static RetailEvent event(Mapping mapping, String json) {
    List<RetailEvent> events = events(mapping, record(json));
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  /** The errors, as {@code target (from source): reason}. */
  static List<String> errors(Mapping mapping, Record record) {
    MappingResult result = mapping.apply(record);
    assertThat(result).as(result.toString()).isInstanceOf(MappingResult.Failed.class);
    return ((MappingResult.Failed) result).errors().stream().map(Object::toString).toList();
  }

  static List<String> errors(Mapping mapping, String json) {
    return errors(mapping, record(json));
  }

  /**
   * A sale mapping from flat JSON, with {@code field} (a JSON object's inside, without braces) as
   * the field under test, replacing the standard one for its target.
   */
  static Mapping saleWith(String target, String field) {
    String fields =
        """
        {"target": "type", "transforms": [{"constant": "sale"}]},
        {"target": "eventId", "source": "id"},
        {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
        {"target": "locationId", "source": "store"},
        {"target": "sku", "source": "sku"},
        {"target": "qty", "source": "qty"}""";
    List<String> kept =
        fields.lines().filter(line -> !line.contains("\"target\": \"" + target + "\"")).toList();
    String all = String.join("\n", kept).replaceAll(",\\s*$", "") + ",\n{" + field + "}";
    return compile("{\"fields\": [" + all + "]}");
  }

  static final String SALE_BASE =
      "\"id\":\"e-1\",\"at\":\"2026-03-01T09:00:00Z\",\"store\":\"S1\",\"sku\":\"A\",\"qty\":2";
}
