package io.shelfstream.http.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shelfstream.engine.ingest.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a body of records: counts per status (of events, and of records for the rejected
 * ones) and the first errors, each with the record's index in a JSON array or its line in NDJSON.
 * Built by one stream, so mutable; read once the stream has completed.
 */
final class PushSummary {
  static final int MAX_ERRORS = 100;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RecordError(Long record, Long line, String eventId, String error) {}

  record Body(
      long accepted, long duplicates, long rejected, long failed, List<RecordError> errors) {}

  private final boolean byLine;
  private long accepted;
  private long duplicates;
  private long rejected;
  private long failed;
  private final List<RecordError> errors = new ArrayList<>();

  PushSummary(boolean byLine) {
    this.byLine = byLine;
  }

  PushSummary addAll(List<Outcome<Long>> outcomes) {
    for (Outcome<Long> outcome : outcomes) {
      switch (outcome.fate()) {
        case ACCEPTED -> accepted++;
        case DUPLICATE -> duplicates++;
        case REJECTED -> rejected++;
        case FAILED -> failed++;
      }
      if (outcome.reason() != null) {
        error(outcome.position(), outcome.eventId(), outcome.reason());
      }
    }
    return this;
  }

  /** An error of the body itself, at the record or line where reading stopped. */
  void error(long position, String eventId, String error) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(
          byLine
              ? new RecordError(null, position, eventId, error)
              : new RecordError(position, null, eventId, error));
    }
  }

  boolean allDurable() {
    return failed == 0;
  }

  Body body() {
    return new Body(accepted, duplicates, rejected, failed, List.copyOf(errors));
  }
}
