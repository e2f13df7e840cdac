package io.shelfstream.simulations.truth;

/** A value offered to a policy, with its provenance. */
public record Candidate<V>(V value, Stamp stamp) {}
