package io.shelfstream.engine.inventory;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.record.BatchDedupe;
import io.shelfstream.engine.record.GoldenRecordSettings;
import io.shelfstream.engine.record.IngestReply;
import io.shelfstream.engine.record.OwedReply;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.InventoryEvent;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.DeleteSnapshotsFailed;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.SnapshotCompleted;
import org.apache.pekko.persistence.typed.SnapshotFailed;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;

/**
 * The inventory golden records of one location: one record per SKU there (docs/golden-record.md),
 * kept by one entity so that a batch of events for many SKUs of a location costs one command, one
 * journal write and one reply instead of one per SKU. Each record is derived in {@link
 * InventoryState} from its SKU's events alone; the entity replies only once the events are durable.
 */
public final class LocationInventory
    extends EventSourcedBehaviorWithEnforcedReplies<
        LocationInventory.Command, LocationInventory.Journaled, LocationState> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "LocationInventory");
  public static final String TAG_PREFIX = "inventory";
  static final String WRITE_FAILED =
      "the journal write failed and the location restarts from its journal; resend";

  public sealed interface Command extends CborSerializable {}

  /** Journal the events not seen before; reply with one status per event once durable. */
  public record Ingest(List<Event> events, ActorRef<IngestReply> replyTo) implements Command {}

  public record GetView(String sku, ActorRef<Optional<InventoryView>> replyTo) implements Command {}

  /**
   * What the entity journals: the fresh events of one command together ({@link EventsRecorded}),
   * or, in journals written before it, one event per entry.
   */
  public sealed interface Journaled extends CborSerializable {
    /** The events this entry records, in the order they were applied. */
    List<Event> events();
  }

  /**
   * The fresh events of one command, journaled as one entry: one journal row and one tag row for
   * the whole batch, read back by the projections as one envelope, where an entry per event cost
   * PostgreSQL a row, a tag row and three index entries each (docs/write-path-profiles.md, section
   * 17). Pekko journals the events of one command atomically either way.
   */
  public record EventsRecorded(List<Event> events) implements Journaled {
    public EventsRecorded {
      events = List.copyOf(events);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = CountRecorded.class, name = "count"),
    @JsonSubTypes.Type(value = MovementRecorded.class, name = "movement")
  })
  public sealed interface Event extends Journaled {
    String sku();

    Stamp stamp();

    static Event of(InventoryEvent event) {
      String sku = event.key().sku();
      if (event instanceof StockCount count) {
        return new CountRecorded(sku, stampOf(count), count.onHand());
      }
      var movement = (StockMovement) event;
      return new MovementRecorded(
          sku,
          stampOf(movement),
          movement.kind(),
          movement.qty(),
          movement.unitPrice(),
          movement.channel(),
          movement.reason());
    }

    private static Stamp stampOf(InventoryEvent event) {
      return new Stamp(event.source(), event.eventId(), event.occurredAt());
    }

    @Override
    default List<Event> events() {
      return List.of(this);
    }
  }

  public record CountRecorded(String sku, Stamp stamp, long onHand) implements Event {}

  public record MovementRecorded(
      String sku,
      Stamp stamp,
      MovementKind kind,
      long qty,
      BigDecimal unitPrice,
      String channel,
      String reason)
      implements Event {
    public long delta() {
      return kind.delta(qty);
    }
  }

  public static void init(ClusterSharding sharding, GoldenRecordSettings settings) {
    sharding.init(Entity.of(TYPE_KEY, context -> create(context.getEntityId(), settings)));
  }

  public static PersistenceId persistenceIdOf(String locationId) {
    return PersistenceId.of(TYPE_KEY.name(), locationId);
  }

  /** The location a persistence id belongs to ({@code LocationInventory|location}). */
  public static String locationOf(String persistenceId) {
    String prefix = TYPE_KEY.name() + PersistenceId.DefaultSeparator();
    if (!persistenceId.startsWith(prefix)) {
      throw new IllegalArgumentException("not an inventory persistence id: " + persistenceId);
    }
    return persistenceId.substring(prefix.length());
  }

  public static Behavior<Command> create(String locationId, GoldenRecordSettings settings) {
    return Behaviors.setup(context -> new LocationInventory(locationId, settings, context));
  }

  private final String locationId;
  private final GoldenRecordSettings settings;
  private final Set<String> tags;
  private final SnapshotSchedule snapshots;
  private final OwedReply owed = new OwedReply();
  private final Logger log;

  private LocationInventory(
      String locationId, GoldenRecordSettings settings, ActorContext<Command> context) {
    super(
        persistenceIdOf(locationId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.locationId = locationId;
    this.settings = settings;
    this.tags = Set.of(settings.sliceTag(TAG_PREFIX, locationId));
    this.snapshots = new SnapshotSchedule(settings, persistenceIdOf(locationId), context);
    this.log = context.getLog();
  }

  /**
   * Pekko asks for this once and starts every incarnation of the entity from it, also the one that
   * follows a failed write: it must never change, or a restart would recover onto what the failed
   * incarnation applied. The event handler writes to a state of its own ({@link
   * LocationState#writable}).
   */
  @Override
  public LocationState emptyState() {
    return LocationState.NONE;
  }

  @Override
  public CommandHandlerWithReply<Command, Journaled, LocationState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Ingest.class, this::onIngest)
        .onCommand(GetView.class, this::onGetView)
        .build();
  }

  private ReplyEffect<Journaled, LocationState> onIngest(LocationState state, Ingest command) {
    var batch =
        BatchDedupe.of(
            command.events(),
            Event::sku,
            Event::stamp,
            (sku, stamp) -> state.hasSeen(sku, stamp.source(), stamp.eventId()));
    if (batch.fresh().isEmpty()) {
      return Effect().reply(command.replyTo(), batch.reply());
    }
    owed.writing(command.replyTo(), command.events().size());
    return Effect()
        .persist(new EventsRecorded(batch.fresh()))
        .thenReply(command.replyTo(), ignored -> owed.paid(batch.reply()));
  }

  private ReplyEffect<Journaled, LocationState> onGetView(LocationState state, GetView command) {
    InventoryState record = state.sku(command.sku());
    Optional<InventoryView> view =
        record.isEmpty()
            ? Optional.empty()
            : Optional.of(record.view(new InventoryKey(locationId, command.sku()), settings));
    return Effect().reply(command.replyTo(), view);
  }

  @Override
  public EventHandler<LocationState, Journaled> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onAnyEvent(
            (state, entry) -> {
              LocationState live = state.writable();
              for (Event event : entry.events()) {
                live.apply(event, settings);
              }
              return live;
            });
  }

  @Override
  public Set<String> tagsFor(Journaled entry) {
    return tags;
  }

  @Override
  public SnapshotAdapter<LocationState> snapshotAdapter() {
    return LocationState.SNAPSHOTS;
  }

  // Snapshots speed up recovery; events are never deleted: the journal is the audit trail. No
  // retention criteria: SnapshotSchedule spaces the snapshots by their size and deletes the old.
  @Override
  public boolean shouldSnapshot(LocationState state, Journaled entry, long sequenceNr) {
    return snapshots.due(state);
  }

  @Override
  public SignalHandler<LocationState> signalHandler() {
    return newSignalHandlerBuilder()
        // a failed write restarts the entity (backoff) and any other failure stops it
        .onSignal(PreRestart.instance(), state -> owed.fail(WRITE_FAILED))
        .onSignal(PostStop.instance(), state -> owed.fail(WRITE_FAILED))
        .onSignal(
            SnapshotCompleted.class,
            (state, done) -> snapshots.stored(state, done.getSnapshotMetadata().sequenceNr()))
        .onSignal(SnapshotFailed.class, (state, failed) -> snapshots.failed(state))
        .onSignal(
            DeleteSnapshotsFailed.class,
            (state, failed) ->
                log.warn(
                    "Old snapshots of {} not deleted (the next snapshot tries again): {}",
                    persistenceId(),
                    failed.getFailure().toString()))
        .build();
  }
}
