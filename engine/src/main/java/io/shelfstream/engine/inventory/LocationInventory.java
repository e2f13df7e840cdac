package io.shelfstream.engine.inventory;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.shelfstream.engine.dedupe.DedupeIndex;
import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.dedupe.IndexedEvents;
import io.shelfstream.engine.entity.BatchDedupe;
import io.shelfstream.engine.entity.BatchIntake;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.entity.IngestCommand;
import io.shelfstream.engine.entity.IngestReply;
import io.shelfstream.engine.entity.RecordRows;
import io.shelfstream.engine.entity.RecordStore;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.InventoryEvent;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.SaleDetails;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
import org.apache.pekko.persistence.typed.RecoveryCompleted;
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
  private static final String NOT_ANSWERED =
      "the location restarted (after a failed journal write) or stopped before its answer; resend";

  public sealed interface Command extends CborSerializable {}

  /** Journal the events not seen before; reply with one status per event once durable. */
  public record Ingest(List<Event> events, ActorRef<IngestReply> replyTo)
      implements Command, IngestCommand {
    @Override
    public int size() {
      return events.size();
    }
  }

  public record GetView(String sku, ActorRef<Optional<InventoryView>> replyTo) implements Command {}

  /** The record store answered (or failed to) for records a command needs in memory. */
  private record Loaded(RecordsInMemory.Read read) implements Command {}

  /** Loads the records whose replayed events wait, once recovered. */
  private enum LoadAwaiting implements Command {
    INSTANCE
  }

  /** The dedupe index answered (or failed to) for the events memory may have forgotten. */
  private record Checked(BatchIntake.Lookup<Ingest, Event> lookup) implements Command {}

  /**
   * What the entity journals: the fresh events of one command together ({@link EventsRecorded}),
   * or, in journals written before it, one event per entry.
   */
  public sealed interface Journaled extends CborSerializable, IndexedEvents {
    /** The events this entry records, in the order they were applied. */
    List<Event> events();

    @Override
    default void forEachKey(String persistenceId, Consumer<EventKey> key) {
      String locationId = locationOf(persistenceId);
      events().forEach(event -> key.accept(keyOf(locationId, event)));
    }
  }

  /** An event's key in the dedupe index: its record (location and SKU), source and id. */
  static EventKey keyOf(String locationId, Event event) {
    return EventKey.of(
        TAG_PREFIX,
        locationId + InventoryKey.SEPARATOR + event.sku(),
        event.stamp().source(),
        event.stamp().eventId(),
        event.stamp().occurredAt().toInstant().toEpochMilli());
  }

  /**
   * The fresh events of one command, journaled as one entry: one journal row and one tag row for
   * the whole batch, read back by the projections as one envelope, where an entry per event cost
   * PostgreSQL a row, a tag row and three index entries each (docs/history/write-path-profiles.md,
   * section 17). Pekko journals the events of one command atomically either way.
   *
   * <p>{@code evictions}: the records the entry moves out of memory, which the journal writes to
   * the record store in its transaction; they are not part of the entry's bytes, so an entry read
   * back has none.
   */
  public record EventsRecorded(List<Event> events, List<LocationState.Evicted> evictions)
      implements Journaled, RecordRows {
    public EventsRecorded {
      events = List.copyOf(events);
      evictions = List.copyOf(evictions);
    }

    public EventsRecorded(List<Event> events) {
      this(events, List.of());
    }

    @Override
    public void forEachRow(Row row) {
      for (LocationState.Evicted evicted : evictions) {
        row.write(evicted.sku(), LocationSnapshotSerializer.recordBytes(evicted.record()));
      }
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
        return new CountRecorded(
            sku, stampOf(count), count.onHand(), count.reserved(), count.inTransit());
      }
      var movement = (StockMovement) event;
      return new MovementRecorded(
          sku,
          stampOf(movement),
          movement.kind(),
          movement.qty(),
          movement.unitPrice(),
          movement.channel(),
          movement.reason(),
          movement.sale());
    }

    private static Stamp stampOf(InventoryEvent event) {
      return new Stamp(event.source(), event.eventId(), event.occurredAt());
    }

    @Override
    default List<Event> events() {
      return List.of(this);
    }
  }

  /** A count; {@code reserved} and {@code inTransit} are null when it did not give them. */
  public record CountRecorded(String sku, Stamp stamp, long onHand, Long reserved, Long inTransit)
      implements Event {
    public CountRecorded(String sku, Stamp stamp, long onHand) {
      this(sku, stamp, onHand, null, null);
    }

    /** The reservations it gave, or null: none is made for a count that gave none. */
    public Reservations reservations() {
      return Reservations.of(reserved, inTransit);
    }
  }

  /** A movement; {@code sale} holds a sale's details, null when it gave none. */
  public record MovementRecorded(
      String sku,
      Stamp stamp,
      MovementKind kind,
      long qty,
      BigDecimal unitPrice,
      String channel,
      String reason,
      SaleDetails sale)
      implements Event {
    public MovementRecorded(
        String sku,
        Stamp stamp,
        MovementKind kind,
        long qty,
        BigDecimal unitPrice,
        String channel,
        String reason) {
      this(sku, stamp, kind, qty, unitPrice, channel, reason, null);
    }

    public long delta() {
      return kind.delta(qty);
    }
  }

  /** What the inventory entities of a node share: the stores they read and the memory budget. */
  public record Stores(DedupeIndex index, RecordStore records, RecordBudget budget) {}

  public static void init(ClusterSharding sharding, GoldenRecordSettings settings, Stores stores) {
    sharding.init(Entity.of(TYPE_KEY, context -> create(context.getEntityId(), settings, stores)));
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

  public static Behavior<Command> create(
      String locationId, GoldenRecordSettings settings, Stores stores) {
    return Behaviors.setup(context -> new LocationInventory(locationId, settings, stores, context));
  }

  private final String locationId;
  private final GoldenRecordSettings settings;
  private final Set<String> tags;
  private final SnapshotSchedule snapshots;
  private final BatchIntake<Ingest, Event> intake;
  private final RecordsInMemory inMemory;
  private final ActorContext<Command> context;
  private final Logger log;

  private LocationInventory(
      String locationId,
      GoldenRecordSettings settings,
      Stores stores,
      ActorContext<Command> context) {
    super(
        persistenceIdOf(locationId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.locationId = locationId;
    this.settings = settings;
    this.tags = Set.of(settings.sliceTag(TAG_PREFIX, locationId));
    this.snapshots = new SnapshotSchedule(settings, persistenceIdOf(locationId), context);
    this.inMemory = new RecordsInMemory(stores.records(), stores.budget());
    this.intake =
        new BatchIntake<>(
            NOT_ANSWERED,
            stores.index(),
            event -> new EventRef(event.sku(), event.stamp().source(), event.stamp().eventId()),
            event -> keyOf(locationId, event));
    this.context = context;
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
        .onCommand(Checked.class, this::onChecked)
        .onCommand(Loaded.class, this::onLoaded)
        .onCommand(LoadAwaiting.class, this::onLoadAwaiting)
        .onCommand(GetView.class, this::onGetView)
        .build();
  }

  private ReplyEffect<Journaled, LocationState> onIngest(LocationState state, Ingest command) {
    if (inMemory.holds(command)) {
      return Effect().noReply();
    }
    Set<String> toLoad = new HashSet<>();
    command
        .events()
        .forEach(
            event -> {
              if (state.mustLoad(event.sku())) {
                toLoad.add(event.sku());
              }
            });
    if (!toLoad.isEmpty()) {
      return load(command, toLoad);
    }
    return intake
        .take(
            command,
            command.events(),
            event ->
                state.recall(
                    event.sku(),
                    event.stamp().source(),
                    event.stamp().eventId(),
                    event.stamp().occurredAt().toInstant().toEpochMilli()),
            context,
            Checked::new)
        .map(decided -> write(state, decided, command))
        .orElseGet(() -> Effect().noReply());
  }

  private record EventRef(String sku, String source, String eventId) {}

  private ReplyEffect<Journaled, LocationState> onChecked(LocationState state, Checked checked) {
    // the batches that waited come after the write below: Pekko holds commands while persisting
    var answer = intake.answered(checked.lookup(), context.getSelf());
    Ingest command = checked.lookup().command();
    return answer.failed() != null
        ? Effect().reply(command.replyTo(), intake.paid(answer.failed()))
        : write(state, answer.decided(), command);
  }

  /**
   * Journals the batch's fresh events, if any, with the records that make room for them in memory,
   * and answers once they are durable.
   */
  private ReplyEffect<Journaled, LocationState> write(
      LocationState state, BatchDedupe.Decided<Event> decided, Ingest command) {
    if (decided.fresh().isEmpty()) {
      return Effect().reply(command.replyTo(), intake.paid(decided.reply()));
    }
    Set<String> inUse = new HashSet<>();
    decided.fresh().forEach(event -> inUse.add(event.sku()));
    int room = inMemory.room(state, inUse.size());
    intake.owe(command);
    return Effect()
        .persist(new EventsRecorded(decided.fresh(), state.victims(room, inUse)))
        .thenReply(command.replyTo(), next -> intake.paid(decided.reply()));
  }

  /**
   * Reads {@code skus} back from the record store; {@code held} goes on once they are in memory.
   */
  private ReplyEffect<Journaled, LocationState> load(Command held, Set<String> skus) {
    context.pipeToSelf(
        inMemory.read(persistenceId().id(), held, skus), (read, never) -> new Loaded(read));
    return Effect().noReply();
  }

  private ReplyEffect<Journaled, LocationState> onLoaded(LocationState state, Loaded loaded) {
    var read = loaded.read();
    List<Command> next = inMemory.ended(read, state, settings);
    if (read.failure() != null) {
      String why =
          "the record store could not be read (" + read.failure().getMessage() + "); resend";
      if (read.held() instanceof Ingest ingest) {
        ingest.replyTo().tell(IngestReply.failed(ingest.size(), why));
      }
      log.warn("records of {} not loaded: {}", persistenceId(), read.failure().toString());
    }
    next.forEach(context.getSelf()::tell);
    return Effect().noReply();
  }

  private ReplyEffect<Journaled, LocationState> onLoadAwaiting(
      LocationState state, LoadAwaiting load) {
    Set<String> awaiting = state.awaitingLoad();
    if (awaiting.isEmpty() || inMemory.holds(load)) {
      return Effect().noReply();
    }
    return load(null, awaiting);
  }

  private ReplyEffect<Journaled, LocationState> onGetView(LocationState state, GetView command) {
    if (inMemory.holds(command)) {
      return Effect().noReply();
    }
    if (state.mustLoad(command.sku())) {
      return load(command, Set.of(command.sku()));
    }
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
              long sequenceNr = lastSequenceNumber(context);
              for (Event event : entry.events()) {
                live.apply(event, sequenceNr, settings);
              }
              if (entry instanceof EventsRecorded recorded) {
                live.evict(recorded.evictions());
              }
              inMemory.account(live);
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
        .onSignal(
            PreRestart.instance(),
            state -> {
              intake.fail();
              inMemory.release();
            })
        .onSignal(
            PostStop.instance(),
            state -> {
              intake.fail();
              inMemory.stopped(NOT_ANSWERED);
            })
        .onSignal(
            RecoveryCompleted.instance(),
            state -> {
              inMemory.account(state);
              if (!state.awaitingLoad().isEmpty()) {
                context.getSelf().tell(LoadAwaiting.INSTANCE);
              }
            })
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
