package io.shelfstream.engine.record;

import io.shelfstream.engine.serialization.CborSerializable;
import java.util.List;

/** An entity's answer to a batch of events: one status per event, in the order given. */
public record IngestReply(List<IngestStatus> statuses) implements CborSerializable {
  public IngestReply {
    statuses = List.copyOf(statuses);
  }
}
