package io.shelfstream.engine.dedupe;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The key of every event in the journal, written in the same transaction as the event. An entity's
 * memory of ids is bounded ({@link DedupeSettings}); when an event may be one it has forgotten, the
 * entity asks the index, so that a redelivery is a duplicate however long after it comes.
 */
public interface DedupeIndex {
  /** Those of {@code keys} whose events are journaled. */
  CompletionStage<Set<EventKey>> journaled(Set<EventKey> keys);
}
