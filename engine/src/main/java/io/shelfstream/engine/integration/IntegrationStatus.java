package io.shelfstream.engine.integration;

import io.shelfstream.engine.serialization.CborSerializable;
import java.time.Instant;
import java.util.Map;

/**
 * An integration as {@code GET /v1/integrations/{id}} shows it. {@code details} are what its source
 * last reported (e.g. Kafka lag), as of {@code detailsAt}; {@code detailsError} says why they are
 * missing or older than asked.
 */
public record IntegrationStatus(
    String id,
    String type,
    String state,
    long read,
    long accepted,
    long duplicates,
    long rejected,
    Instant lastSuccessAt,
    String lastError,
    Instant lastErrorAt,
    int restarts,
    Map<String, Object> details,
    Instant detailsAt,
    String detailsError)
    implements CborSerializable {

  /** The state of an integration whose supervisor did not answer in time. */
  public static final String UNKNOWN = "unknown";

  public IntegrationStatus {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** The counts of an integration's stream so far, as its status shows them. */
  static IntegrationStatus of(
      String id,
      String type,
      IntegrationState state,
      IntegrationCounters.Snapshot done,
      String lastError,
      Instant lastErrorAt,
      int restarts) {
    return new IntegrationStatus(
        id,
        type,
        state.wireName(),
        done.read(),
        done.accepted(),
        done.duplicates(),
        done.rejected(),
        done.lastSuccessAt(),
        lastError,
        lastErrorAt,
        restarts,
        Map.of(),
        null,
        null);
  }

  /** An integration whose supervisor did not answer (its node busy or gone): says so. */
  static IntegrationStatus unknown(String id, String type, String why) {
    return new IntegrationStatus(
        id, type, UNKNOWN, 0, 0, 0, 0, null, why, null, 0, Map.of(), null, null);
  }

  /** The same status with what its source last reported. */
  IntegrationStatus withDetails(SourceDetails.Known known) {
    return new IntegrationStatus(
        id,
        type,
        state,
        read,
        accepted,
        duplicates,
        rejected,
        lastSuccessAt,
        lastError,
        lastErrorAt,
        restarts,
        known.details(),
        known.at(),
        known.error());
  }
}
