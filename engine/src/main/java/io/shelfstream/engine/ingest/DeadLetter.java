package io.shelfstream.engine.ingest;

import java.time.Instant;

/**
 * A record that could not become an event, kept so that nothing sent is ever lost: where it came
 * from ({@code channel}: the endpoint or integration; {@code where}: its position there), what it
 * was, and why it was rejected. {@code recordKey}, when the source has one, keeps a redelivered
 * record from being stored twice.
 */
public record DeadLetter(
    Instant receivedAt,
    String channel,
    String where,
    String source,
    String eventId,
    String reason,
    String raw,
    String recordKey) {}
