package io.shelfstream.engine.testkit;

import io.shelfstream.engine.dedupe.DedupeIndex;
import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.dedupe.IndexedEvents;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;

/**
 * The dedupe index as the node's journal keeps it, over the persistence testkit's journal: the key
 * of every event it holds for the given entities. Counts the lookups, so that a test can tell when
 * an entity had to ask.
 */
public final class JournalDedupeIndex implements DedupeIndex {
  private final PersistenceTestKit journal;
  private final List<String> persistenceIds;
  private final AtomicInteger lookups = new AtomicInteger();

  public JournalDedupeIndex(ActorSystem<?> system, String... persistenceIds) {
    this.journal = PersistenceTestKit.create(system);
    this.persistenceIds = List.of(persistenceIds);
  }

  @Override
  public CompletionStage<Set<EventKey>> journaled(Set<EventKey> keys) {
    lookups.incrementAndGet();
    Set<EventKey> found = new HashSet<>();
    for (String persistenceId : persistenceIds) {
      for (Object entry : journal.persistedInStorage(persistenceId)) {
        ((IndexedEvents) entry)
            .forEachKey(
                persistenceId,
                key -> {
                  if (keys.contains(key)) {
                    found.add(key);
                  }
                });
      }
    }
    return CompletableFuture.completedFuture(found);
  }

  public int lookups() {
    return lookups.get();
  }
}
