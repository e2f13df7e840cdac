package io.shelfstream.engine.store;

import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.record.BatchDedupe;
import io.shelfstream.engine.record.GoldenRecordSettings;
import io.shelfstream.engine.record.IngestReply;
import io.shelfstream.engine.record.OwedReply;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.StoreField;
import io.shelfstream.protocols.event.StoreUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
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
      implements Command {}

  public record GetView(ActorRef<Optional<StoreView>> replyTo) implements Command {}

  /** The only event: new values for some fields, from one source. */
  public record StoreUpdated(Stamp stamp, Map<StoreField, String> fields)
      implements CborSerializable {
    public StoreUpdated {
      fields = Map.copyOf(fields);
    }

    public static StoreUpdated of(StoreUpdate update) {
      return new StoreUpdated(
          new Stamp(update.source(), update.eventId(), update.occurredAt()), update.fields());
    }
  }

  public static void init(ClusterSharding sharding, GoldenRecordSettings settings) {
    sharding.init(Entity.of(TYPE_KEY, context -> create(context.getEntityId(), settings)));
  }

  public static Behavior<Command> create(String storeId, GoldenRecordSettings settings) {
    return new Store(storeId, settings);
  }

  private final String storeId;
  private final GoldenRecordSettings settings;
  private final Set<String> tags;
  private final OwedReply owed = new OwedReply();

  private Store(String storeId, GoldenRecordSettings settings) {
    super(
        PersistenceId.of(TYPE_KEY.name(), storeId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.storeId = storeId;
    this.settings = settings;
    this.tags = Set.of(settings.sliceTag(TAG_PREFIX, storeId));
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
        .onCommand(GetView.class, this::onGetView)
        .build();
  }

  private ReplyEffect<StoreUpdated, StoreState> onIngest(StoreState state, Ingest command) {
    var batch = BatchDedupe.of(command.events(), StoreUpdated::stamp, state::hasSeen);
    if (batch.fresh().isEmpty()) {
      return Effect().reply(command.replyTo(), batch.reply());
    }
    owed.writing(command.replyTo(), command.events().size());
    return Effect()
        .persist(batch.fresh())
        .thenReply(command.replyTo(), ignored -> owed.paid(batch.reply()));
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
    String why = "the journal write failed and the store restarts from its journal; resend";
    // a failed write restarts the entity (backoff) and any other failure stops it
    return newSignalHandlerBuilder()
        .onSignal(PreRestart.instance(), state -> owed.fail(why))
        .onSignal(PostStop.instance(), state -> owed.fail(why))
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
