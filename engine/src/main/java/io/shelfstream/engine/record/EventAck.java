package io.shelfstream.engine.record;

/** The answer for one event: its status, and why it failed when it did. */
public record EventAck(IngestStatus status, String failure) {
  public static final EventAck ACCEPTED = new EventAck(IngestStatus.ACCEPTED, null);
  public static final EventAck DUPLICATE = new EventAck(IngestStatus.DUPLICATE, null);

  public static EventAck of(IngestStatus status) {
    return status == IngestStatus.ACCEPTED ? ACCEPTED : DUPLICATE;
  }

  public static EventAck failed(String why) {
    return new EventAck(IngestStatus.FAILED, why);
  }
}
