package io.shelfstream.engine.store;

import io.shelfstream.engine.dedupe.DedupeIndex;
import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.dedupe.IndexedEvents;
import io.shelfstream.engine.entity.BatchDedupe;
import io.shelfstream.engine.entity.BatchIntake;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.entity.IngestCommand;
import io.shelfstream.engine.entity.IngestReply;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.StoreField;
import io.shelfstream.protocols.event.StoreUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/** The golden record of one store's master data, merged field by field (docs/golden-record.md). */
public final class Store
    extends EventSourcedBehaviorWithEnforcedReplies<Store.Command, Store.StoreUpdated, StoreState> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "Store");
  public static final String TAG_PREFIX = "store";

  public sealed interface Command extends CborSerializable {}

  /** Journal the updates not seen before; reply with one status per update once durable. */
  public record Ingest(List<StoreUpdated> events, ActorRef<IngestReply> replyTo)
      implements Command, IngestCommand {
    @Override
    public int size() {
      return events.size();
    }
  }

  public record GetView(ActorRef<Optional<StoreView>> replyTo) implements Command {}

  /** The dedupe index answered (or failed to) for the updates memory may have forgotten. */
  private record Checked(BatchIntake.Lookup<Ingest, StoreUpdated> lookup) implements Command {}

  /** The only event: new values for some fields, from one source. */
  public record StoreUpdated(Stamp stamp, Map<StoreField, String> fields)
      implements CborSerializable, IndexedEvents {
    public StoreUpdated {
      fields = Map.copyOf(fields);
    }

    @Override
    public void forEachKey(String persistenceId, Consumer<EventKey> key) {
      key.accept(keyOf(storeOf(persistenceId), this));
    }

    public static StoreUpdated of(StoreUpdate update) {
      return new StoreUpdated(
          new Stamp(update.source(), update.eventId(), update.occurredAt()), update.fields());
    }
  }

  /** An update's key in the dedupe index: its store, source and id. */
  static EventKey keyOf(String storeId, StoreUpdated update) {
    return EventKey.of(
        TAG_PREFIX,
        storeId,
        update.stamp().source(),
        update.stamp().eventId(),
        update.stamp().occurredAt().toInstant().toEpochMilli());
  }

  /** The store a persistence id belongs to ({@code Store|store}). */
  static String storeOf(String persistenceId) {
    String prefix = TYPE_KEY.name() + PersistenceId.DefaultSeparator();
    if (!persistenceId.startsWith(prefix)) {
      throw new IllegalArgumentException("not a store persistence id: " + persistenceId);
    }
    return persistenceId.substring(prefix.length());
  }

  public static void init(
      ClusterSharding sharding, GoldenRecordSettings settings, DedupeIndex index) {
    sharding.init(Entity.of(TYPE_KEY, context -> create(context.getEntityId(), settings, index)));
  }

  public static Behavior<Command> create(
      String storeId, GoldenRecordSettings settings, DedupeIndex index) {
    return Behaviors.setup(context -> new Store(storeId, settings, index, context));
  }

  private final String storeId;
  private final GoldenRecordSettings settings;
  private final Set<String> tags;
  private final BatchIntake<Ingest, StoreUpdated> intake;
  private final ActorContext<Command> context;

  private Store(
      String storeId,
      GoldenRecordSettings settings,
      DedupeIndex index,
      ActorContext<Command> context) {
    super(
        PersistenceId.of(TYPE_KEY.name(), storeId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.storeId = storeId;
    this.settings = settings;
    this.tags = Set.of(settings.sliceTag(TAG_PREFIX, storeId));
    this.intake =
        new BatchIntake<>(
            "the store restarted (after a failed journal write) or stopped before its answer;"
                + " resend",
            index,
            update -> update.stamp().source() + '|' + update.stamp().eventId(),
            update -> keyOf(storeId, update));
    this.context = context;
  }

  /** Shared by every incarnation, so never written to: see {@link StoreState#writable}. */
  @Override
  public StoreState emptyState() {
    return StoreState.NONE;
  }

  @Override
  public SnapshotAdapter<StoreState> snapshotAdapter() {
    return StoreState.SNAPSHOTS;
  }

  @Override
  public CommandHandlerWithReply<Command, StoreUpdated, StoreState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Ingest.class, this::onIngest)
        .onCommand(Checked.class, this::onChecked)
        .onCommand(GetView.class, this::onGetView)
        .build();
  }

  private ReplyEffect<StoreUpdated, StoreState> onIngest(StoreState state, Ingest command) {
    return intake
        .take(
            command,
            command.events(),
            update ->
                state.recall(
                    update.stamp().source(),
                    update.stamp().eventId(),
                    update.stamp().occurredAt().toInstant().toEpochMilli()),
            context,
            Checked::new)
        .map(decided -> write(decided, command))
        .orElseGet(() -> Effect().noReply());
  }

  private ReplyEffect<StoreUpdated, StoreState> onChecked(StoreState state, Checked checked) {
    // the batches that waited come after the write below: Pekko holds commands while persisting
    var answer = intake.answered(checked.lookup(), context.getSelf());
    Ingest command = checked.lookup().command();
    return answer.failed() != null
        ? Effect().reply(command.replyTo(), intake.paid(answer.failed()))
        : write(answer.decided(), command);
  }

  /** Journals the batch's fresh updates, if any, and answers once they are durable. */
  private ReplyEffect<StoreUpdated, StoreState> write(
      BatchDedupe.Decided<StoreUpdated> decided, Ingest command) {
    if (decided.fresh().isEmpty()) {
      return Effect().reply(command.replyTo(), intake.paid(decided.reply()));
    }
    intake.owe(command);
    return Effect()
        .persist(decided.fresh())
        .thenReply(command.replyTo(), next -> intake.paid(decided.reply()));
  }

  private ReplyEffect<StoreUpdated, StoreState> onGetView(StoreState state, GetView command) {
    Optional<StoreView> view =
        state.isEmpty() ? Optional.empty() : Optional.of(state.view(storeId, settings));
    return Effect().reply(command.replyTo(), view);
  }

  @Override
  public EventHandler<StoreState, StoreUpdated> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onAnyEvent((state, event) -> state.writable().apply(event, settings));
  }

  @Override
  public SignalHandler<StoreState> signalHandler() {
    // a failed write restarts the entity (backoff) and any other failure stops it
    return newSignalHandlerBuilder()
        .onSignal(PreRestart.instance(), state -> intake.fail())
        .onSignal(PostStop.instance(), state -> intake.fail())
        .build();
  }

  @Override
  public Set<String> tagsFor(StoreUpdated event) {
    return tags;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }
}
