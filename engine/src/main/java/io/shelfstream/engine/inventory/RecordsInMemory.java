package io.shelfstream.engine.inventory;

import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.entity.IngestReply;
import io.shelfstream.engine.entity.RecordStore;
import io.shelfstream.engine.inventory.LocationInventory.Command;
import io.shelfstream.engine.inventory.LocationInventory.Ingest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Which of a location's records are in memory, for its entity: it counts them in the node's {@link
 * RecordBudget}, says how many to keep at the next write, and reads records back from the {@link
 * RecordStore}. One read at a time: commands that come meanwhile wait here, in order, as they wait
 * for a dedupe lookup, so that none is decided on records not yet in memory.
 */
final class RecordsInMemory {

  /** The store answered (or failed to) for {@code skus}, which {@code held} needs in memory. */
  record Read(
      Command held, Set<String> skus, Map<String, RecordStore.Row> rows, Throwable failure) {}

  private final RecordStore store;
  private final RecordBudget budget;
  private final List<Command> held = new ArrayList<>();
  private boolean reading;
  // the records this incarnation counts in the node's budget
  private int holding;

  RecordsInMemory(RecordStore store, RecordBudget budget) {
    this.store = store;
    this.budget = budget;
    budget.started();
  }

  /** Whether {@code command} waits for a read under way; if so it waits here. */
  boolean holds(Command command) {
    if (reading) {
      held.add(command);
    }
    return reading;
  }

  /**
   * Reads {@code skus} of {@code persistenceId} back; the answer comes as {@code answered} makes
   * it, for {@code command} (null when nothing waits on it).
   */
  CompletionStage<Read> read(String persistenceId, Command command, Set<String> skus) {
    reading = true;
    return store
        .load(persistenceId, skus)
        .handle((rows, failure) -> new Read(command, skus, rows, failure));
  }

  /**
   * The read ended: what it read goes into {@code state}'s records. Answers the commands to take
   * now, in order: the one it was for first, unless it failed (its caller is to be told), then
   * those that waited.
   */
  List<Command> ended(Read read, LocationState state, GoldenRecordSettings settings) {
    reading = false;
    List<Command> next = new ArrayList<>(held);
    held.clear();
    if (read.failure() == null) {
      LocationState live = state.writable();
      for (String sku : read.skus()) {
        live.install(sku, read.rows().get(sku), settings);
      }
      account(live);
      if (read.held() != null) {
        next.add(0, read.held());
      }
    }
    return next;
  }

  /**
   * How many records to keep in memory after a write whose events use {@code inUse} records: room
   * for those beside the others kept.
   */
  int room(LocationState state, int inUse) {
    return Math.max(0, budget.keep(state.skuCount() + inUse) - inUse);
  }

  /** Tells the node's budget how many records the location holds in memory now. */
  void account(LocationState live) {
    budget.holding(live.skuCount() - holding);
    holding = live.skuCount();
  }

  /** The incarnation's records are gone: the next starts from the snapshot and the journal. */
  void release() {
    budget.holding(-holding);
    holding = 0;
  }

  /** The entity stops: the commands that waited are told to resend, and it leaves the budget. */
  void stopped(String why) {
    for (Command waiting : held) {
      if (waiting instanceof Ingest ingest) {
        ingest.replyTo().tell(IngestReply.failed(ingest.size(), why));
      }
    }
    held.clear();
    release();
    budget.stopped();
  }
}
