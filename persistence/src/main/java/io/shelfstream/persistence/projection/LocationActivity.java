package io.shelfstream.persistence.projection;

import java.time.OffsetDateTime;

/** What happened at one location, as the projection counted it. */
public record LocationActivity(
    String locationId,
    long events,
    long counts,
    long unitsSold,
    long unitsReturned,
    long unitsReceived,
    long unitsAdjusted,
    OffsetDateTime lastEventAt) {

  static LocationActivity none(String locationId) {
    return new LocationActivity(locationId, 0, 0, 0, 0, 0, 0, null);
  }

  LocationActivity plus(LocationActivity other) {
    OffsetDateTime last =
        lastEventAt == null || (other.lastEventAt != null && other.lastEventAt.isAfter(lastEventAt))
            ? other.lastEventAt
            : lastEventAt;
    return new LocationActivity(
        locationId,
        events + other.events,
        counts + other.counts,
        unitsSold + other.unitsSold,
        unitsReturned + other.unitsReturned,
        unitsReceived + other.unitsReceived,
        unitsAdjusted + other.unitsAdjusted,
        last);
  }
}
