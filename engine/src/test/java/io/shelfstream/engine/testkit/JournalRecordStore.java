package io.shelfstream.engine.testkit;

import io.shelfstream.engine.entity.RecordRows;
import io.shelfstream.engine.entity.RecordStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;

/**
 * The record store as the node's journal writes it, over the persistence testkit's journal: for
 * each record, the row of the latest entry that evicted it (the testkit keeps the entries as they
 * were persisted, evictions included). Counts the loads.
 */
public final class JournalRecordStore implements RecordStore {
  private final PersistenceTestKit journal;
  private final AtomicInteger loads = new AtomicInteger();

  public JournalRecordStore(ActorSystem<?> system) {
    this.journal = PersistenceTestKit.create(system);
  }

  @Override
  public CompletionStage<Map<String, Row>> load(String persistenceId, Set<String> recordIds) {
    loads.incrementAndGet();
    Map<String, Row> rows = new HashMap<>();
    List<Object> entries = journal.persistedInStorage(persistenceId);
    for (int i = 0; i < entries.size(); i++) {
      long sequenceNr = i + 1;
      if (entries.get(i) instanceof RecordRows evicting) {
        evicting.forEachRow(
            (recordId, state) -> {
              if (recordIds.contains(recordId)) {
                rows.put(recordId, new Row(sequenceNr, state));
              }
            });
      }
    }
    return CompletableFuture.completedFuture(rows);
  }

  public int loads() {
    return loads.get();
  }
}
