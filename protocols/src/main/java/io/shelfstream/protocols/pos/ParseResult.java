package io.shelfstream.protocols.pos;

import io.shelfstream.protocols.event.RetailEvent;
import java.util.List;
import java.util.stream.Collectors;

/** What one input line became: an event, or every problem found in it. */
public sealed interface ParseResult {

  record Parsed(RetailEvent event) implements ParseResult {}

  /**
   * A line that cannot become an event. {@code eventId} and {@code source} are what could be read
   * of them (null when unreadable), so that the rejection can still be traced to its sender.
   */
  record Rejected(String eventId, String source, List<FieldError> errors) implements ParseResult {
    public Rejected {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one error");
      }
    }

    public static Rejected of(String field, String reason) {
      return new Rejected(null, null, List.of(new FieldError(field, reason)));
    }

    /** Every error, as {@code field: reason; field: reason}. */
    public String reason() {
      return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
  }
}
