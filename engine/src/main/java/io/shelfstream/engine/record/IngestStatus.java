package io.shelfstream.engine.record;

/** What became of one event handed to the golden record. */
public enum IngestStatus {
  /** Journaled: durable, and part of the golden record (applied or, if stale, recorded). */
  ACCEPTED,
  /** Seen before: acknowledged, not journaled again. */
  DUPLICATE,
  /** Not known to be durable (the entity did not answer in time, or its journal failed): resend. */
  FAILED
}
