package io.shelfstream.protocols.mapping.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * One accepted way of writing a timestamp: a {@link DateTimeFormatter} pattern, {@code iso}
 * (ISO-8601, offset optional), or {@code epochSeconds} / {@code epochMillis}. Values that carry no
 * offset are read in the field's zone. Returns null when the value is not in this format.
 */
public sealed interface TimestampFormat {

  String name();

  OffsetDateTime read(JsonNode value, ZoneId zone);

  /**
   * Throws {@link IllegalArgumentException} for a pattern {@code java.time} cannot parse, or one
   * that cannot read a timestamp.
   */
  static TimestampFormat of(String name) {
    TimestampFormat format = named(name);
    if (!readsWhatItWrites(format)) {
      throw new IllegalArgumentException("it cannot read a date and time back from what it writes");
    }
    return format;
  }

  private static TimestampFormat named(String name) {
    return switch (name) {
      case "iso" -> new Pattern(name, DateTimeFormatter.ISO_DATE_TIME);
      case "epochSeconds" -> new Epoch(name, false);
      case "epochMillis" -> new Epoch(name, true);
      default -> new Pattern(name, DateTimeFormatter.ofPattern(name, Locale.ROOT));
    };
  }

  /**
   * Whether the format can read back a time it wrote: {@code HH:mm} cannot (no date), nor can a
   * pattern of fields a timestamp does not have.
   */
  private static boolean readsWhatItWrites(TimestampFormat format) {
    if (!(format instanceof Pattern pattern)) {
      return true;
    }
    ZonedDateTime sample = ZonedDateTime.of(2026, 3, 1, 9, 15, 30, 0, ZoneId.of("Europe/Paris"));
    try {
      String written = pattern.formatter().format(sample);
      return pattern.read(TextNode.valueOf(written), sample.getZone()) != null;
    } catch (DateTimeException cannot) {
      return false;
    }
  }

  record Pattern(String name, DateTimeFormatter formatter) implements TimestampFormat {
    @Override
    public OffsetDateTime read(JsonNode value, ZoneId zone) {
      if (!value.isTextual()) {
        return null;
      }
      TemporalAccessor parsed =
          formatter.parseBest(
              value.textValue(), ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof ZonedDateTime zoned) {
        return zoned.toOffsetDateTime();
      }
      if (parsed instanceof LocalDateTime local) {
        return local.atZone(zone).toOffsetDateTime();
      }
      return ((LocalDate) parsed).atStartOfDay(zone).toOffsetDateTime();
    }
  }

  record Epoch(String name, boolean millis) implements TimestampFormat {
    @Override
    public OffsetDateTime read(JsonNode value, ZoneId zone) {
      long count = Numbers.integer(value);
      Instant instant = millis ? Instant.ofEpochMilli(count) : Instant.ofEpochSecond(count);
      return instant.atZone(zone).toOffsetDateTime();
    }
  }
}
