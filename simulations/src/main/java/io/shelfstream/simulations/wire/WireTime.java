package io.shelfstream.simulations.wire;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats occurredAt as ISO-8601 with its offset. The fast path avoids DateTimeFormatter because
 * formatting dominates encoding cost and the generator must saturate a node from one core.
 */
public final class WireTime {

  private WireTime() {}

  public static String format(OffsetDateTime time) {
    StringBuilder out = new StringBuilder(25);
    append(out, time);
    return out.toString();
  }

  public static void append(StringBuilder out, OffsetDateTime time) {
    int year = time.getYear();
    if (time.getNano() != 0 || year < 1000 || year > 9999) {
      out.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
      return;
    }
    out.append(year).append('-');
    twoDigits(out, time.getMonthValue()).append('-');
    twoDigits(out, time.getDayOfMonth()).append('T');
    twoDigits(out, time.getHour()).append(':');
    twoDigits(out, time.getMinute()).append(':');
    twoDigits(out, time.getSecond());
    out.append(time.getOffset().getId());
  }

  /**
   * An offset always written as ±hh:mm, never "Z": a store timezone given as an offset looks like
   * this.
   */
  public static String explicitOffset(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    if (value < 10) {
      out.append('0');
    }
    return out.append(value);
  }
}
