package io.shelfstream.engine.ingest;

import io.shelfstream.engine.entity.Fate;

/**
 * What became of one record of a source: its {@link Fate}, with the reason when it was rejected or
 * failed, at its {@code position} in the source, so that the source can acknowledge it.
 */
public record Outcome<P>(P position, String eventId, Fate fate, String reason) {

  /** Whether the record may be acknowledged to its source (it is durable somewhere). */
  public boolean isDurable() {
    return fate.isDurable();
  }
}
