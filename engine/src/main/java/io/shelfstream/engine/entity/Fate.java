package io.shelfstream.engine.entity;

import java.util.Locale;

/**
 * What became of one event or record handed to Shelfstream, everywhere it is told: an entity's
 * reply, the pipeline's outcome, a Kafka commit, an HTTP answer ({@link #wireName}).
 */
public enum Fate {
  /** Journaled: durable, and part of the golden record (applied or, if stale, recorded). */
  ACCEPTED,
  /** Seen before: durable in the journal already, acknowledged and not journaled again. */
  DUPLICATE,
  /** Broke a rule: durable in the dead letters, with the reason. */
  REJECTED,
  /** Not known to be durable (an entity did not answer in time, or a write failed): resend. */
  FAILED;

  /** Whether it may be acknowledged to its source: it is durable somewhere. */
  public boolean isDurable() {
    return this != FAILED;
  }

  /** As answers and logs spell it: {@code accepted}, {@code duplicate}... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
