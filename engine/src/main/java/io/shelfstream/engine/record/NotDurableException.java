package io.shelfstream.engine.record;

/** An entity answered that a batch's events are not known to be durable, and why. */
public final class NotDurableException extends RuntimeException {
  public NotDurableException(String why) {
    super(why, null, false, false);
  }
}
