package io.shelfstream.engine.policy;

import java.time.OffsetDateTime;

/** Where a value came from: the provenance kept with every value of the golden record. */
public record Stamp(String source, String eventId, OffsetDateTime occurredAt) {

  public boolean sameEvent(String otherSource, String otherEventId) {
    return eventId.hashCode() == otherEventId.hashCode()
        && eventId.equals(otherEventId)
        && source.equals(otherSource);
  }

  public boolean isAfter(OffsetDateTime instant) {
    return occurredAt.isAfter(instant);
  }
}
