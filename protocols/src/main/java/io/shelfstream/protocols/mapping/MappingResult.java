package io.shelfstream.protocols.mapping;

import io.shelfstream.protocols.event.RetailEvent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one input record became: all its events (one, or one per element when the mapping fans out),
 * or every error found in it. All or nothing: a record with one bad line item goes to the dead
 * letters whole, so that resending it fixed gives every event once.
 */
public sealed interface MappingResult {

  record Mapped(List<RetailEvent> events) implements MappingResult {
    public Mapped {
      events = List.copyOf(events);
      if (events.isEmpty()) {
        throw new IllegalArgumentException("a mapped record gives at least one event");
      }
    }
  }

  record Failed(List<MappingError> errors) implements MappingResult {
    public Failed {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a failed record needs at least one error");
      }
    }

    /** Every error, as {@code target (from source): reason; ...}, for a dead letter. */
    public String reason() {
      return errors.stream().map(MappingError::toString).collect(Collectors.joining("; "));
    }
  }
}
