package io.shelfstream.protocols.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The instants an event may carry: from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
 * Every time the engine keeps (in milliseconds since the epoch, in four-digit years) fits in it; an
 * {@code occurredAt} such as {@code +999999999-12-31T23:59:59Z} parses as ISO-8601 but overflowed
 * those later, in the golden record, where it could no longer be rejected.
 */
public final class EventTimes {
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private EventTimes() {}

  /** Why {@code at} is outside the range, or empty when it is within it. */
  public static Optional<String> problem(OffsetDateTime at) {
    Instant instant = at.toInstant();
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      return Optional.of(
          "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z, got \"" + at + "\"");
    }
    return Optional.empty();
  }
}
