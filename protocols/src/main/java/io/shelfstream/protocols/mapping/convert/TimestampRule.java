package io.shelfstream.protocols.mapping.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a timestamp field reads its value: the formats it accepts, tried in order, and the zone of
 * values written without an offset. The result is ISO-8601 with an offset, as the POS format wants.
 */
public record TimestampRule(List<TimestampFormat> formats, ZoneId zone) {

  public TimestampRule {
    formats = List.copyOf(formats);
  }

  public String toIso(JsonNode value) {
    for (TimestampFormat format : formats) {
      OffsetDateTime at = readOrNull(format, value);
      if (at != null) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
      }
    }
    throw new ValueProblem(
        "must be a timestamp as "
            + formats.stream().map(TimestampFormat::name).collect(Collectors.joining(" or "))
            + ", got "
            + ValueProblem.show(value));
  }

  private OffsetDateTime readOrNull(TimestampFormat format, JsonNode value) {
    try {
      return format.read(value, zone);
    } catch (DateTimeException | ArithmeticException | ValueProblem notThisFormat) {
      return null;
    }
  }
}
