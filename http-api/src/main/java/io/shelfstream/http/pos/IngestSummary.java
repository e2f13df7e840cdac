package io.shelfstream.http.pos;

import io.shelfstream.engine.ingest.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a whole NDJSON body: counts per status and the first errors, with their line. Built
 * by one stream, so it is mutable; it is only read once the stream has completed.
 */
final class IngestSummary {
  static final int MAX_ERRORS = 100;

  record LineError(long line, String eventId, String error) {}

  /** The JSON body of the response. */
  record Body(long accepted, long duplicates, long rejected, long failed, List<LineError> errors) {}

  private long accepted;
  private long duplicates;
  private long rejected;
  private long failed;
  private final List<LineError> errors = new ArrayList<>();

  IngestSummary add(Outcome<Long> outcome) {
    switch (outcome.fate()) {
      case ACCEPTED -> accepted++;
      case DUPLICATE -> duplicates++;
      case REJECTED -> rejected++;
      case FAILED -> failed++;
    }
    if (outcome.reason() != null && errors.size() < MAX_ERRORS) {
      errors.add(new LineError(outcome.position(), outcome.eventId(), outcome.reason()));
    }
    return this;
  }

  IngestSummary addAll(List<Outcome<Long>> outcomes) {
    outcomes.forEach(this::add);
    return this;
  }

  boolean allDurable() {
    return failed == 0;
  }

  Body body() {
    return new Body(accepted, duplicates, rejected, failed, List.copyOf(errors));
  }
}
