package io.shelfstream.simulations.noise;

import java.util.EnumSet;
import java.util.Set;

/** The ways a line breaks docs/pos-wire-format.md; each one must make the node reject the line. */
public enum MalformedKind {
  NOT_JSON,
  NOT_AN_OBJECT,
  TRAILING_GARBAGE,
  INVALID_UTF8,
  LINE_TOO_LONG,
  MISSING_TYPE,
  TYPE_NOT_A_STRING,
  UNKNOWN_TYPE,
  MISSING_EVENT_ID,
  EMPTY_EVENT_ID,
  EVENT_ID_TOO_LONG,
  EVENT_ID_NOT_A_STRING,
  MISSING_OCCURRED_AT,
  OCCURRED_AT_WITHOUT_OFFSET,
  OCCURRED_AT_NOT_ISO,
  IMPOSSIBLE_DATE,
  EMPTY_SOURCE,
  SOURCE_TOO_LONG,
  MISSING_LOCATION_ID,
  ID_NOT_A_STRING,
  NULL_SKU,
  ID_TOO_LONG,
  CONTROL_CHAR_IN_ID,
  PIPE_IN_ID,
  MISSING_QTY,
  ZERO_QTY,
  NEGATIVE_QTY,
  QTY_AS_STRING,
  FRACTIONAL_QTY,
  QTY_WITH_DECIMAL_POINT,
  QTY_TOO_LARGE,
  ZERO_ADJUSTMENT,
  ADJUSTMENT_WITHOUT_REASON,
  NEGATIVE_UNIT_PRICE,
  MISSING_ON_HAND,
  NEGATIVE_ON_HAND,
  MISSING_STORE_ID,
  STORE_WITHOUT_FIELDS,
  UNKNOWN_TIMEZONE;

  /** Every kind: lines sent over HTTP must carry their own eventId. */
  public static Set<MalformedKind> all() {
    return EnumSet.allOf(MalformedKind.class);
  }

  /**
   * The kinds still malformed on a transport that gives a record without {@code eventId} an id of
   * its own: Kafka uses {@code kafka:<topic>:<partition>:<offset>} (docs/pos-wire-format.md, "Other
   * transports"), so a line missing only its eventId is a valid event there.
   */
  public static Set<MalformedKind> withIdsFromTransport() {
    return EnumSet.complementOf(EnumSet.of(MISSING_EVENT_ID));
  }
}
