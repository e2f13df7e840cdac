package io.shelfstream.engine.demand;

import io.shelfstream.engine.dedupe.DedupeIndex;
import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.entity.BatchDedupe;
import io.shelfstream.engine.entity.BatchIntake;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.entity.IngestCommand;
import io.shelfstream.engine.entity.IngestReply;
import io.shelfstream.engine.serialization.CborSerializable;
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
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The demand signals of one product, one per date (docs/golden-record.md), kept for the read models
 * to come. Deduplicated and acknowledged as every golden record is: a redelivered signal is a
 * duplicate, and the entity answers only once the fresh ones are durable.
 */
public final class DemandSignals
    extends EventSourcedBehaviorWithEnforcedReplies<
        DemandSignals.Command, DemandSignals.Event, DemandState> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "DemandSignals");
  public static final String TAG_PREFIX = "demand";

  public sealed interface Command extends CborSerializable {}

  /** Journal the signals not seen before; reply with one status per signal once durable. */
  public record Ingest(List<SignalRecorded> events, ActorRef<IngestReply> replyTo)
      implements Command, IngestCommand {
    @Override
    public int size() {
      return events.size();
    }
  }

  public record GetView(ActorRef<Optional<DemandSignalsView>> replyTo) implements Command {}

  /** The dedupe index answered (or failed to) for the signals memory may have forgotten. */
  private record Checked(BatchIntake.Lookup<Ingest, SignalRecorded> lookup) implements Command {}

  public sealed interface Event extends CborSerializable permits SignalRecorded {}

  /** A signal's key in the dedupe index: its product, source and id. */
  static EventKey keyOf(String productId, SignalRecorded signal) {
    return EventKey.of(
        TAG_PREFIX,
        productId,
        signal.stamp().source(),
        signal.stamp().eventId(),
        signal.stamp().occurredAt().toInstant().toEpochMilli());
  }

  /** The product a persistence id belongs to ({@code DemandSignals|product}). */
  static String productOf(String persistenceId) {
    String prefix = TYPE_KEY.name() + PersistenceId.DefaultSeparator();
    if (!persistenceId.startsWith(prefix)) {
      throw new IllegalArgumentException("not a demand persistence id: " + persistenceId);
    }
    return persistenceId.substring(prefix.length());
  }

  public static PersistenceId persistenceIdOf(String productId) {
    return PersistenceId.of(TYPE_KEY.name(), productId);
  }

  public static void init(
      ClusterSharding sharding, GoldenRecordSettings settings, DedupeIndex index) {
    sharding.init(Entity.of(TYPE_KEY, context -> create(context.getEntityId(), settings, index)));
  }

  public static Behavior<Command> create(
      String productId, GoldenRecordSettings settings, DedupeIndex index) {
    return Behaviors.setup(context -> new DemandSignals(productId, settings, index, context));
  }

  private final String productId;
  private final GoldenRecordSettings settings;
  private final Set<String> tags;
  private final BatchIntake<Ingest, SignalRecorded> intake;
  private final ActorContext<Command> context;

  private DemandSignals(
      String productId,
      GoldenRecordSettings settings,
      DedupeIndex index,
      ActorContext<Command> context) {
    super(
        persistenceIdOf(productId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.productId = productId;
    this.settings = settings;
    this.tags = Set.of(settings.sliceTag(TAG_PREFIX, productId));
    this.intake =
        new BatchIntake<>(
            "the product's demand signals restarted (after a failed journal write) or stopped"
                + " before their answer; resend",
            index,
            signal -> signal.stamp().source() + '|' + signal.stamp().eventId(),
            signal -> keyOf(productId, signal));
    this.context = context;
  }

  /** Shared by every incarnation, so never written to: see {@link DemandState#writable}. */
  @Override
  public DemandState emptyState() {
    return DemandState.NONE;
  }

  @Override
  public SnapshotAdapter<DemandState> snapshotAdapter() {
    return DemandState.SNAPSHOTS;
  }

  @Override
  public CommandHandlerWithReply<Command, Event, DemandState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Ingest.class, this::onIngest)
        .onCommand(Checked.class, this::onChecked)
        .onCommand(GetView.class, this::onGetView)
        .build();
  }

  private ReplyEffect<Event, DemandState> onIngest(DemandState state, Ingest command) {
    return intake
        .take(
            command,
            command.events(),
            signal ->
                state.recall(
                    signal.stamp().source(),
                    signal.stamp().eventId(),
                    signal.stamp().occurredAt().toInstant().toEpochMilli()),
            context,
            Checked::new)
        .map(decided -> write(decided, command))
        .orElseGet(() -> Effect().noReply());
  }

  private ReplyEffect<Event, DemandState> onChecked(DemandState state, Checked checked) {
    // the batches that waited come after the write below: Pekko holds commands while persisting
    var answer = intake.answered(checked.lookup(), context.getSelf());
    Ingest command = checked.lookup().command();
    return answer.failed() != null
        ? Effect().reply(command.replyTo(), intake.paid(answer.failed()))
        : write(answer.decided(), command);
  }

  /** Journals the batch's fresh signals, if any, and answers once they are durable. */
  private ReplyEffect<Event, DemandState> write(
      BatchDedupe.Decided<SignalRecorded> decided, Ingest command) {
    if (decided.fresh().isEmpty()) {
      return Effect().reply(command.replyTo(), intake.paid(decided.reply()));
    }
    intake.owe(command);
    List<Event> fresh = List.copyOf(decided.fresh());
    return Effect()
        .persist(fresh)
        .thenReply(command.replyTo(), next -> intake.paid(decided.reply()));
  }

  private ReplyEffect<Event, DemandState> onGetView(DemandState state, GetView command) {
    Optional<DemandSignalsView> view =
        state.isEmpty() ? Optional.empty() : Optional.of(state.view(productId));
    return Effect().reply(command.replyTo(), view);
  }

  @Override
  public EventHandler<DemandState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(SignalRecorded.class, (state, signal) -> state.writable().apply(signal, settings))
        .build();
  }

  @Override
  public SignalHandler<DemandState> signalHandler() {
    // a failed write restarts the entity (backoff) and any other failure stops it
    return newSignalHandlerBuilder()
        .onSignal(PreRestart.instance(), state -> intake.fail())
        .onSignal(PostStop.instance(), state -> intake.fail())
        .build();
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return tags;
  }

  // one entry per date and product: a product's state grows by a date a day and its journal by
  // every signal, so snapshots bound its recovery; events are never deleted (the audit trail)
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }
}
