package io.shelfstream.persistence.auth;

import java.time.Instant;

/** One audited request: who made it, what it was and how it was answered, when, from where. */
public record AuditEntry(
    Instant at, String actor, String method, String path, int status, String remote) {}
