package io.shelfstream.engine.dedupe;

import java.util.function.Consumer;

/**
 * A journal entry whose events go into the {@link DedupeIndex}: the journal writes the keys it
 * gives in the same transaction as the entry.
 */
public interface IndexedEvents {
  /** The key of each event of this entry, which the entity {@code persistenceId} journals. */
  void forEachKey(String persistenceId, Consumer<EventKey> key);
}
