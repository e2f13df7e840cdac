package io.shelfstream.protocols.mapping.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shelfstream.protocols.time.IsoTimestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
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
      case "iso" -> new Iso(new Pattern(name, DateTimeFormatter.ISO_DATE_TIME));
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

  /**
   * Reads as {@code parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from)}
   * would, from one parse and without its failed attempts: a value without an offset cost parseBest
   * an exception, a tenth of the time a file row took to map.
   */
  record Pattern(String name, DateTimeFormatter formatter) implements TimestampFormat {
    @Override
    public OffsetDateTime read(JsonNode value, ZoneId zone) {
      if (!value.isTextual()) {
        return null;
      }
      TemporalAccessor parsed = formatter.parse(value.textValue());
      LocalDate date = parsed.query(TemporalQueries.localDate());
      LocalTime time = parsed.query(TemporalQueries.localTime());
      if (parsed.query(TemporalQueries.zone()) != null) {
        try {
          return ZonedDateTime.from(parsed).toOffsetDateTime();
        } catch (DateTimeException notZoned) {
          // a zone without a time of day: read as a local value, as parseBest does
        }
      }
      if (date == null) {
        throw new DateTimeException("not a date: " + value.textValue());
      }
      return time == null
          ? date.atStartOfDay(zone).toOffsetDateTime()
          : date.atTime(time).atZone(zone).toOffsetDateTime();
    }
  }

  /**
   * {@code iso}: the form nearly every file writes read digit by digit, as {@link IsoTimestamps}
   * reads POS lines; any other text by its {@code DateTimeFormatter}.
   */
  record Iso(Pattern general) implements TimestampFormat {
    @Override
    public String name() {
      return general.name();
    }

    @Override
    public OffsetDateTime read(JsonNode value, ZoneId zone) {
      OffsetDateTime fast =
          value.isTextual() ? IsoTimestamps.readFast(value.textValue(), zone) : null;
      return fast != null ? fast : general.read(value, zone);
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
