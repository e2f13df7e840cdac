package io.shelfstream.simulations.world;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Local times of one day at one site. The offset is the one at noon: every simulated activity
 * happens after 03:00 local, when daylight-saving transitions are over, so noon's offset is right
 * and we avoid a zone-rules lookup per event.
 */
record LocalClock(LocalDate date, ZoneOffset offset) {

  static LocalClock of(ZoneId zone, LocalDate date) {
    return new LocalClock(date, zone.getRules().getOffset(date.atTime(12, 0)));
  }

  OffsetDateTime at(int secondOfDay) {
    return OffsetDateTime.of(date, LocalTime.ofSecondOfDay(secondOfDay), offset);
  }
}
