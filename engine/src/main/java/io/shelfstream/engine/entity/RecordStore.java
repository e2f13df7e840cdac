package io.shelfstream.engine.entity;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The records entities moved out of memory ({@link RecordRows}), to read back when they are needed
 * again. A row is the record as of the journal entry that evicted it, {@code asOf} that entry's
 * sequence number.
 */
public interface RecordStore {
  record Row(long asOf, byte[] state) {}

  /** The rows of {@code recordIds} of the entity {@code persistenceId} that are stored. */
  CompletionStage<Map<String, Row>> load(String persistenceId, Set<String> recordIds);
}
