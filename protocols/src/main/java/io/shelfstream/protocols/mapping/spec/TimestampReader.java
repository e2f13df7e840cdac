package io.shelfstream.protocols.mapping.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.protocols.mapping.convert.TimestampFormat;
import io.shelfstream.protocols.mapping.convert.TimestampRule;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a timestamp field's {@code formats} (at least one: a {@code java.time} pattern, {@code
 * iso}, {@code epochSeconds} or {@code epochMillis}) and its {@code zone}, the zone of values
 * written without an offset. Neither key belongs to a field of another type.
 */
final class TimestampReader {
  private final String field;
  private final Problems problems;

  TimestampReader(String field, Problems problems) {
    this.field = field;
    this.problems = problems;
  }

  TimestampRule read(JsonNode node, ValueType type) {
    if (type != ValueType.TIMESTAMP) {
      for (String key : List.of("formats", "zone")) {
        if (node.has(key)) {
          problems.add(field, "\"" + key + "\" is only for type timestamp");
        }
      }
      return null;
    }
    List<TimestampFormat> formats = formats(node.get("formats"));
    ZoneId zone = zone(node.get("zone"));
    return formats.isEmpty() || zone == null ? null : new TimestampRule(formats, zone);
  }

  private List<TimestampFormat> formats(JsonNode spec) {
    List<TimestampFormat> formats = new ArrayList<>();
    if (spec == null || !spec.isArray() || spec.isEmpty()) {
      problems.add(
          field,
          "a timestamp needs \"formats\": a non-empty array of patterns such as"
              + " \"yyyy-MM-dd HH:mm\", \"iso\", \"epochSeconds\" or \"epochMillis\"");
      return formats;
    }
    for (JsonNode pattern : spec) {
      if (!pattern.isTextual()) {
        problems.add(field, "a format must be a string, got " + Problems.show(pattern));
        continue;
      }
      try {
        formats.add(TimestampFormat.of(pattern.textValue()));
      } catch (IllegalArgumentException badPattern) {
        problems.add(
            field, "bad format \"" + pattern.textValue() + "\": " + badPattern.getMessage());
      }
    }
    return formats;
  }

  private ZoneId zone(JsonNode zone) {
    if (zone == null || !zone.isTextual()) {
      problems.add(
          field,
          "a timestamp needs \"zone\": the zone of values without an offset,"
              + " such as \"Europe/Paris\" or \"UTC\"");
      return null;
    }
    try {
      return ZoneId.of(zone.textValue());
    } catch (DateTimeException badZone) {
      problems.add(field, "unknown zone \"" + zone.textValue() + "\"");
      return null;
    }
  }
}
