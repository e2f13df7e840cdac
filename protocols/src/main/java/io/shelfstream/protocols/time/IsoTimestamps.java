package io.shelfstream.protocols.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * {@link OffsetDateTime#parse} with a fast path for the form nearly every source sends, {@code
 * 2026-03-01T09:15:00[.fraction](Z|+01:00)}: read digit by digit instead of through a {@code
 * DateTimeFormatter}, which cost about a fifth of the CPU of parsing a POS line. Anything else,
 * valid or not, goes through {@code OffsetDateTime.parse}, so the accepted inputs, the values and
 * the errors are exactly its own.
 */
public final class IsoTimestamps {
  private IsoTimestamps() {}

  /** Throws {@link java.time.format.DateTimeParseException} as {@code OffsetDateTime.parse}. */
  public static OffsetDateTime parse(CharSequence text) {
    OffsetDateTime fast = fastPath(text, null);
    return fast != null ? fast : OffsetDateTime.parse(text);
  }

  /**
   * The same form with its offset optional, a value without one read in {@code zone}: as {@code
   * DateTimeFormatter.ISO_DATE_TIME} reads it. Null for any other text, left for the caller to read
   * its own way.
   */
  public static OffsetDateTime readFast(CharSequence text, ZoneId zone) {
    return fastPath(text, zone);
  }

  /** {@code zone}: of a value without an offset; null when the offset is required. */
  private static OffsetDateTime fastPath(CharSequence s, ZoneId zone) {
    int n = s.length();
    if (n < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int at = 19;
    int nano = 0;
    if (at < n && s.charAt(at) == '.') {
      int start = ++at;
      while (at < n && at - start < 9 && isDigit(s.charAt(at))) {
        nano = nano * 10 + (s.charAt(at++) - '0');
      }
      int fractionDigits = at - start;
      if (fractionDigits == 0 || (at < n && isDigit(s.charAt(at)))) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nano *= 10;
      }
    }
    try {
      if (at == n && zone != null) {
        return LocalDateTime.of(year, month, day, hour, minute, second, nano)
            .atZone(zone)
            .toOffsetDateTime();
      }
      ZoneOffset offset = offset(s, at, n);
      return offset == null
          ? null
          : OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  private static ZoneOffset offset(CharSequence s, int at, int n) {
    if (at == n - 1 && s.charAt(at) == 'Z') {
      return ZoneOffset.UTC;
    }
    if (at != n - 6 || s.charAt(at + 3) != ':') {
      return null;
    }
    char sign = s.charAt(at);
    int hours = digits(s, at + 1, 2);
    int minutes = digits(s, at + 4, 2);
    if ((sign != '+' && sign != '-') || (hours | minutes) < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int seconds = hours * 3600 + minutes * 60;
    try {
      return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  /** The number written by {@code count} digits at {@code from}; -1 if one is not a digit. */
  private static int digits(CharSequence s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
