package io.shelfstream.simulations.truth;

import io.shelfstream.simulations.event.SimEvent;
import java.time.OffsetDateTime;

/** Where a value comes from: the provenance the node reports, and the key it is ordered by. */
public record Stamp(String source, String eventId, OffsetDateTime occurredAt) {

  public static Stamp of(SimEvent event) {
    return new Stamp(event.source(), event.eventId(), event.occurredAt());
  }

  public long epochSecond() {
    return occurredAt.toEpochSecond();
  }

  public int nano() {
    return occurredAt.getNano();
  }

  /** Compares instants only, whatever the offsets they are written in. */
  public int compareInstant(Stamp other) {
    int bySecond = Long.compare(epochSecond(), other.epochSecond());
    return bySecond != 0 ? bySecond : Integer.compare(nano(), other.nano());
  }

  public boolean isAfter(Stamp other) {
    return compareInstant(other) > 0;
  }
}
