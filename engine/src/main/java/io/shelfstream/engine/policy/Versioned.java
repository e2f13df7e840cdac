package io.shelfstream.engine.policy;

/** A value of the golden record together with its provenance. */
public record Versioned<T>(T value, Stamp stamp) {}
