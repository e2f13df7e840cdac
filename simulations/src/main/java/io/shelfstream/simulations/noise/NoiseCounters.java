package io.shelfstream.simulations.noise;

import java.util.EnumMap;
import java.util.Map;

/** What the noise stages did, for the run summary. Written by the generator thread only. */
public final class NoiseCounters {

  long conflictingEventsAdded;
  long heldLate;
  long reordered;
  long resent;
  final Map<MalformedKind, Long> malformed = new EnumMap<>(MalformedKind.class);

  public long conflictingEventsAdded() {
    return conflictingEventsAdded;
  }

  public long heldLate() {
    return heldLate;
  }

  public long reordered() {
    return reordered;
  }

  public long resent() {
    return resent;
  }

  public Map<MalformedKind, Long> malformedByKind() {
    return Map.copyOf(malformed);
  }
}
