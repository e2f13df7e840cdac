package io.shelfstream.engine.record;

import io.shelfstream.engine.entity.Fate;

/** The answer for one event handed to the golden record: its fate, and why when it failed. */
public record EventAck(Fate fate, String reason) {
  public static final EventAck ACCEPTED = new EventAck(Fate.ACCEPTED, null);
  public static final EventAck DUPLICATE = new EventAck(Fate.DUPLICATE, null);

  /** The answer for an entity's {@code ACCEPTED} or {@code DUPLICATE}. */
  public static EventAck of(Fate fate) {
    return fate == Fate.ACCEPTED ? ACCEPTED : DUPLICATE;
  }

  public static EventAck failed(String why) {
    return new EventAck(Fate.FAILED, why);
  }
}
