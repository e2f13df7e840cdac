package io.shelfstream.persistence.journal.groupcommit;

import io.shelfstream.engine.dedupe.EventKey;
import java.util.List;

/**
 * One row of {@code event_journal} (the pekko-persistence-jdbc schema), with the tags that go to
 * {@code event_tag}, the dedupe keys of its events that go to {@code dedupe_index}, and the records
 * its entity evicted with it, which go to {@code record_state}. The meta fields are null when the
 * event carries no metadata.
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
    List<EventKey> keys,
    List<RecordRow> records) {

  /** A record its entity moved out of memory with this row's entry, for {@code record_state}. */
  record RecordRow(String recordId, byte[] state) {}
}
