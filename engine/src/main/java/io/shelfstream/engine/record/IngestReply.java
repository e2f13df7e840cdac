package io.shelfstream.engine.record;

import io.shelfstream.engine.serialization.CborSerializable;
import java.util.Collections;
import java.util.List;

/**
 * An entity's answer to a batch of events: one status per event, in the order given; or, when the
 * batch could not be made durable, {@code failure} says why and every status is {@link
 * IngestStatus#FAILED}.
 */
public record IngestReply(List<IngestStatus> statuses, String failure) implements CborSerializable {
  public IngestReply {
    statuses = List.copyOf(statuses);
  }

  public IngestReply(List<IngestStatus> statuses) {
    this(statuses, null);
  }

  /** None of the {@code events} is known to be durable, because of {@code why}. */
  public static IngestReply failed(int events, String why) {
    return new IngestReply(Collections.nCopies(events, IngestStatus.FAILED), why);
  }

  public boolean isFailure() {
    return failure != null;
  }
}
