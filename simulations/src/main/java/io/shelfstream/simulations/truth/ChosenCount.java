package io.shelfstream.simulations.truth;

/** The count chosen as baseline, as in the record's {@code provenance.count}. */
public record ChosenCount(Stamp stamp, long onHand) {}
