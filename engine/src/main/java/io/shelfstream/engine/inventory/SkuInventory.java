package io.shelfstream.engine.inventory;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.record.BatchDedupe;
import io.shelfstream.engine.record.GoldenRecordSettings;
import io.shelfstream.engine.record.IngestReply;
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
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * The golden record of one SKU at one location (docs/golden-record.md). Journals every new event
 * and replies only once the events are durable; the record itself is derived in {@link
 * InventoryState}.
 */
public final class SkuInventory
    extends EventSourcedBehaviorWithEnforcedReplies<
        SkuInventory.Command, SkuInventory.Event, InventoryState> {

  public static final EntityTypeKey<Command> TYPE_KEY =
      EntityTypeKey.create(Command.class, "SkuInventory");
  public static final String TAG_PREFIX = "inventory";

  public sealed interface Command extends CborSerializable {}

  /** Journal the events not seen before; reply with one status per event once durable. */
  public record Ingest(List<Event> events, ActorRef<IngestReply> replyTo) implements Command {}

  public record GetView(ActorRef<Optional<InventoryView>> replyTo) implements Command {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = CountRecorded.class, name = "count"),
    @JsonSubTypes.Type(value = MovementRecorded.class, name = "movement")
  })
  public sealed interface Event extends CborSerializable {
    Stamp stamp();

    static Event of(InventoryEvent event) {
      if (event instanceof StockCount count) {
        return new CountRecorded(stampOf(count), count.onHand());
      }
      var movement = (StockMovement) event;
      return new MovementRecorded(
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
  }

  public record CountRecorded(Stamp stamp, long onHand) implements Event {}

  public record MovementRecorded(
      Stamp stamp, MovementKind kind, long qty, BigDecimal unitPrice, String channel, String reason)
      implements Event {
    public long delta() {
      return kind.delta(qty);
    }
  }

  public static void init(ClusterSharding sharding, GoldenRecordSettings settings) {
    sharding.init(Entity.of(TYPE_KEY, context -> create(context.getEntityId(), settings)));
  }

  /** The key of the entity a persistence id belongs to ({@code SkuInventory|location|sku}). */
  public static InventoryKey keyOf(String persistenceId) {
    String prefix = TYPE_KEY.name() + PersistenceId.DefaultSeparator();
    if (!persistenceId.startsWith(prefix)) {
      throw new IllegalArgumentException("not an inventory persistence id: " + persistenceId);
    }
    return InventoryKey.fromEntityId(persistenceId.substring(prefix.length()));
  }

  public static Behavior<Command> create(String entityId, GoldenRecordSettings settings) {
    return new SkuInventory(entityId, settings);
  }

  private final InventoryKey key;
  private final GoldenRecordSettings settings;
  private final Set<String> tags;

  private SkuInventory(String entityId, GoldenRecordSettings settings) {
    super(
        // the entity id holds a '|' between location and sku, which PersistenceId.of rejects;
        // the type name still comes first, so PersistenceId.extractEntityId works
        PersistenceId.ofUniqueId(TYPE_KEY.name() + PersistenceId.DefaultSeparator() + entityId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.2));
    this.key = InventoryKey.fromEntityId(entityId);
    this.settings = settings;
    this.tags = Set.of(settings.sliceTag(TAG_PREFIX, entityId));
  }

  @Override
  public InventoryState emptyState() {
    return InventoryState.EMPTY;
  }

  @Override
  public CommandHandlerWithReply<Command, Event, InventoryState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Ingest.class, this::onIngest)
        .onCommand(GetView.class, this::onGetView)
        .build();
  }

  private ReplyEffect<Event, InventoryState> onIngest(InventoryState state, Ingest command) {
    var batch = BatchDedupe.of(command.events(), Event::stamp, state::hasSeen);
    if (batch.fresh().isEmpty()) {
      return Effect().reply(command.replyTo(), batch.reply());
    }
    return Effect().persist(batch.fresh()).thenReply(command.replyTo(), ignored -> batch.reply());
  }

  private ReplyEffect<Event, InventoryState> onGetView(InventoryState state, GetView command) {
    Optional<InventoryView> view =
        state.isEmpty() ? Optional.empty() : Optional.of(state.view(key, settings));
    return Effect().reply(command.replyTo(), view);
  }

  @Override
  public EventHandler<InventoryState, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onAnyEvent((state, event) -> state.apply(event, settings));
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return tags;
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    // snapshots speed up recovery; events are never deleted: the journal is the audit trail
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), 2);
  }
}
