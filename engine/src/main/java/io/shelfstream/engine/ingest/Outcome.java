package io.shelfstream.engine.ingest;

/**
 * What became of one record: {@code ACCEPTED} and {@code DUPLICATE} are durable in the journal,
 * {@code REJECTED} is durable in the dead letters, {@code FAILED} is neither and must be resent.
 */
public record Outcome<P>(P position, String eventId, Status status, String error) {

  public enum Status {
    ACCEPTED,
    DUPLICATE,
    REJECTED,
    FAILED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether the record may be acknowledged to its source (it is durable somewhere). */
  public boolean isDurable() {
    return status != Status.FAILED;
  }
}
