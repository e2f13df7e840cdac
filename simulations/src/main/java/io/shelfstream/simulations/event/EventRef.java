package io.shelfstream.simulations.event;

/** The identity of an event on the wire: two events with the same ref are duplicates. */
public record EventRef(String source, String eventId) {}
