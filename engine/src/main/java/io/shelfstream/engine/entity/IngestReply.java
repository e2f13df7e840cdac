package io.shelfstream.engine.entity;

import io.shelfstream.engine.serialization.CborSerializable;
import java.util.Collections;
import java.util.List;

/**
 * An entity's answer to a batch of events: one fate per event, in the order given; or, when the
 * batch could not be made durable, {@code failure} says why and every fate is {@link Fate#FAILED}.
 */
public record IngestReply(List<Fate> fates, String failure) implements CborSerializable {
  public IngestReply {
    fates = List.copyOf(fates);
  }

  public IngestReply(List<Fate> fates) {
    this(fates, null);
  }

  /** None of the {@code events} is known to be durable, because of {@code why}. */
  public static IngestReply failed(int events, String why) {
    return new IngestReply(Collections.nCopies(events, Fate.FAILED), why);
  }

  public boolean isFailure() {
    return failure != null;
  }
}
