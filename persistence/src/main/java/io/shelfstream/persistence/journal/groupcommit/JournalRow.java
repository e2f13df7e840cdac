package io.shelfstream.persistence.journal.groupcommit;

import io.shelfstream.engine.dedupe.EventKey;
import java.util.List;

/**
 * One row of {@code event_journal} (the pekko-persistence-jdbc schema), with the tags that go to
 * {@code event_tag} and the dedupe keys of its events that go to {@code dedupe_index}. The meta
 * fields are null when the event carries no metadata.
 */
record JournalRow(
    String persistenceId,
    long sequenceNr,
    String writer,
    long writeTimestamp,
    String adapterManifest,
    int serializerId,
    String serializerManifest,
    byte[] payload,
    Integer metaSerializerId,
    String metaSerializerManifest,
    byte[] metaPayload,
    List<String> tags,
    List<EventKey> keys) {}
