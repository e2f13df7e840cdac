package io.shelfstream.engine.inventory;

import com.typesafe.config.ConfigFactory;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.Persistence;
import org.apache.pekko.persistence.SnapshotProtocol;
import org.apache.pekko.persistence.SnapshotSelectionCriteria;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * When an inventory entity snapshots, and the removal of the snapshots a new one replaces.
 *
 * <p>A location's snapshot holds all its records with the ids they remember, so it grows with the
 * location's history: megabytes for a busy one, which the database compresses and the entity waits
 * for. Taken every {@code snapshot-every} events whatever its size, it would cost a long-lived
 * location more per event than its journal rows. So the spacing stretches to {@code size /
 * snapshot-bytes-per-event} events when that is more, measured each time a snapshot falls due.
 *
 * <p>Pekko deletes older snapshots only after those its count-based retention takes, so the
 * schedule asks the snapshot store itself once a new snapshot is stored, with the message Pekko's
 * retention sends, and the entity as the sender: the reply comes back as Pekko's {@code
 * DeleteSnapshotsCompleted} or {@code DeleteSnapshotsFailed} signal. Every older snapshot goes: a
 * failed deletion is made good by the next one, and recovery only ever loads the newest.
 */
final class SnapshotSchedule {
  private final int every;
  private final int bytesPerEvent;
  private final PersistenceId persistenceId;
  private final ActorContext<?> context;
  private long spacing;

  SnapshotSchedule(
      GoldenRecordSettings settings, PersistenceId persistenceId, ActorContext<?> context) {
    this.every = settings.snapshotEvery();
    this.bytesPerEvent = settings.snapshotBytesPerEvent();
    this.persistenceId = persistenceId;
    this.context = context;
    this.spacing = every;
  }

  /**
   * Whether to snapshot once the events being persisted are stored. Pekko asks with the state
   * before each event of a batch, until the first yes.
   */
  boolean due(LocationState state) {
    if (!state.awaitingLoad().isEmpty()) {
      return false; // the waiting events are in no record yet: a snapshot would lose them
    }
    long events = state.eventsSinceSnapshot() + 1; // with the event asked about
    if (events < spacing) {
      return false;
    }
    if (bytesPerEvent > 0) {
      spacing = Math.max(every, LocationSnapshotSerializer.sizeOf(state) / bytesPerEvent);
    }
    return events >= spacing;
  }

  /** The snapshot decided on was not stored: try again after as many events. */
  void failed(LocationState state) {
    state.restartSnapshotCount();
  }

  /**
   * The snapshot decided on is stored at {@code sequenceNr}: no event was applied since (the entity
   * waits meanwhile). Deletes the older ones.
   */
  void stored(LocationState state, long sequenceNr) {
    state.restartSnapshotCount();
    // snapshotStoreFor is Pekko's own lookup of the store (InternalStableApi; "" is the default
    // plugin, which inventory entities use)
    org.apache.pekko.actor.ActorRef store =
        Persistence.get(Adapter.toClassic(context.getSystem()))
            .snapshotStoreFor("", ConfigFactory.empty());
    store.tell(
        new SnapshotProtocol.DeleteSnapshots(
            persistenceId.id(), SnapshotSelectionCriteria.create(sequenceNr - 1, Long.MAX_VALUE)),
        Adapter.toClassic((ActorRef<?>) context.getSelf()));
  }
}
