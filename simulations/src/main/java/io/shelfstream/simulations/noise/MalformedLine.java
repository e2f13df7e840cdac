package io.shelfstream.simulations.noise;

/**
 * A line that breaks docs/pos-wire-format.md: the node must reject it, and it counts for nothing.
 */
public record MalformedLine(MalformedKind kind, byte[] bytes, String routingKey)
    implements Emission {}
