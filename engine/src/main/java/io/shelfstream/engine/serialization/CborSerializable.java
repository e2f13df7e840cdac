package io.shelfstream.engine.serialization;

/**
 * Marks messages, events and snapshots serialized with Jackson CBOR (bound in reference.conf).
 * Anything that crosses the network or reaches the journal implements it, so that nothing falls
 * back to Java serialization, which is off.
 */
public interface CborSerializable {}
