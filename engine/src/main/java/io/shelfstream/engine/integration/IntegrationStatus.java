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
}
