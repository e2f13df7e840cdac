package io.shelfstream.engine.integration;

/** The answer to "can this integration reach its system with its credentials?". */
public record ConnectionCheck(boolean ok, String detail) {}
