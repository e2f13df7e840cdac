package io.shelfstream.engine.integration;

import io.shelfstream.engine.serialization.CborSerializable;
import java.time.Instant;
import java.util.Map;

/** An integration as {@code GET /v1/integrations/{id}} shows it. */
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
    Map<String, Object> details)
    implements CborSerializable {

  public IntegrationStatus {
    details = Map.copyOf(details);
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
        Map.of());
  }

  /** The same status with what its source reports (e.g. Kafka lag per partition). */
  IntegrationStatus withDetails(Map<String, Object> sourceDetails) {
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
        sourceDetails);
  }
}
