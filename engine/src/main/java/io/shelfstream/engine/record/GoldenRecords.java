package io.shelfstream.engine.record;

import static io.shelfstream.engine.concurrent.DirectStages.direct;

import io.shelfstream.engine.dedupe.DedupeIndex;
import io.shelfstream.engine.demand.DemandSignals;
import io.shelfstream.engine.demand.DemandSignalsView;
import io.shelfstream.engine.demand.SignalRecorded;
import io.shelfstream.engine.entity.Fate;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.entity.IngestReply;
import io.shelfstream.engine.entity.RecordStore;
import io.shelfstream.engine.inventory.InventoryView;
import io.shelfstream.engine.inventory.LocationInventory;
import io.shelfstream.engine.inventory.RecordBudget;
import io.shelfstream.engine.store.Store;
import io.shelfstream.engine.store.StoreView;
import io.shelfstream.protocols.event.DemandSignal;
import io.shelfstream.protocols.event.InventoryEvent;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.StoreUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * The front door of the golden record: starts the sharded entities and hands them events, grouped
 * so that each entity (a location's inventory, a store, a product's demand signals) gets one
 * command per batch, whatever node it lives on.
 */
public final class GoldenRecords {
  // large enough to carry what queues up behind one journal write, small enough that one command
  // stays a modest message and journal write
  private static final int MAX_EVENTS_PER_COMMAND = 2000;

  private final ClusterSharding sharding;
  private final GoldenRecordSettings settings;
  private final Duration askTimeout;
  private final WritePermits permits;
  private final CoalescingSender<LocationInventory.Event> toLocations;
  private final CoalescingSender<Store.StoreUpdated> toStores;
  private final CoalescingSender<SignalRecorded> toProducts;

  private GoldenRecords(
      ClusterSharding sharding,
      GoldenRecordSettings settings,
      Duration askTimeout,
      WritePermits permits) {
    this.sharding = sharding;
    this.settings = settings;
    this.askTimeout = askTimeout;
    this.permits = permits;
    this.toLocations = senderTo(LocationInventory.TYPE_KEY, LocationInventory.Ingest::new);
    this.toStores = senderTo(Store.TYPE_KEY, Store.Ingest::new);
    this.toProducts = senderTo(DemandSignals.TYPE_KEY, DemandSignals.Ingest::new);
  }

  /** Sends an entity type's ingest commands, at most one in flight per entity. */
  private <C, E> CoalescingSender<E> senderTo(
      EntityTypeKey<C> type, BiFunction<List<E>, ActorRef<IngestReply>, C> ingest) {
    return new CoalescingSender<>(
        (entityId, events) ->
            sharding
                .entityRefFor(type, entityId)
                .ask(replyTo -> ingest.apply(events, replyTo), askTimeout),
        MAX_EVENTS_PER_COMMAND);
  }

  /**
   * Starts the sharded entities on this node. At most {@code settings.maxInFlightEvents()} events
   * are handed to entities and not yet answered at once, across every source of this node.
   */
  public static GoldenRecords start(
      ActorSystem<?> system,
      GoldenRecordSettings settings,
      DedupeIndex index,
      RecordStore records) {
    ClusterSharding sharding = ClusterSharding.get(system);
    LocationInventory.init(
        sharding,
        settings,
        new LocationInventory.Stores(index, records, new RecordBudget(settings.recordsInMemory())));
    Store.init(sharding, settings, index);
    DemandSignals.init(sharding, settings, index);
    return new GoldenRecords(
        sharding, settings, settings.askTimeout(), new WritePermits(settings.maxInFlightEvents()));
  }

  public GoldenRecordSettings settings() {
    return settings;
  }

  /**
   * Hands every event to its entity and completes once each has answered: one ack per event, in the
   * order given. Never completes exceptionally; an entity that fails makes its events {@link
   * Fate#FAILED}. Each entity's answer gives its events' write permits back at once, not when the
   * whole batch is answered: a large batch (a Kafka poll's) would otherwise hold permits for events
   * long durable while its slowest entity finishes, and leave the journal short of work.
   */
  public CompletionStage<List<EventAck>> ingest(List<? extends RetailEvent> events) {
    return permits
        .acquire(events.size())
        .thenCompose(
            grant -> {
              CompletionStage<List<EventAck>> acks;
              try {
                acks = handOver(events, grant);
              } catch (RuntimeException e) {
                acks = CompletableFuture.failedFuture(e);
              }
              return acks.whenComplete((done, error) -> grant.releaseAll());
            });
  }

  private CompletionStage<List<EventAck>> handOver(
      List<? extends RetailEvent> events, WritePermits.Grant grant) {
    Map<String, List<Integer>> inventory = new LinkedHashMap<>();
    Map<String, List<Integer>> stores = new LinkedHashMap<>();
    Map<String, List<Integer>> products = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      RetailEvent event = events.get(i);
      if (event instanceof InventoryEvent stock) {
        inventory.computeIfAbsent(stock.key().locationId(), id -> new ArrayList<>()).add(i);
      } else if (event instanceof StoreUpdate) {
        stores.computeIfAbsent(event.entityId(), id -> new ArrayList<>(2)).add(i);
      } else {
        products.computeIfAbsent(event.entityId(), id -> new ArrayList<>(2)).add(i);
      }
    }
    EventAck[] acks = new EventAck[events.size()];
    List<CompletableFuture<Void>> answers =
        new ArrayList<>(inventory.size() + stores.size() + products.size());
    inventory.forEach(
        (locationId, positions) -> {
          List<LocationInventory.Event> batch = new ArrayList<>(positions.size());
          positions.forEach(
              i -> batch.add(LocationInventory.Event.of((InventoryEvent) events.get(i))));
          answers.add(fill(acks, positions, toLocations.submit(locationId, batch), grant));
        });
    stores.forEach(
        (storeId, positions) -> {
          List<Store.StoreUpdated> batch = new ArrayList<>(positions.size());
          positions.forEach(i -> batch.add(Store.StoreUpdated.of((StoreUpdate) events.get(i))));
          answers.add(fill(acks, positions, toStores.submit(storeId, batch), grant));
        });
    products.forEach(
        (productId, positions) -> {
          List<SignalRecorded> batch = new ArrayList<>(positions.size());
          positions.forEach(i -> batch.add(SignalRecorded.of((DemandSignal) events.get(i))));
          answers.add(fill(acks, positions, toProducts.submit(productId, batch), grant));
        });
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(done -> Arrays.asList(acks));
  }

  private static CompletableFuture<Void> fill(
      EventAck[] acks,
      List<Integer> positions,
      CompletableFuture<List<Fate>> statuses,
      WritePermits.Grant grant) {
    return statuses.handle(
        (answer, error) -> {
          for (int k = 0; k < positions.size(); k++) {
            acks[positions.get(k)] =
                error == null
                    ? EventAck.of(answer.get(k))
                    : EventAck.failed("not durable: " + describe(error));
          }
          grant.release(positions.size());
          return null;
        });
  }

  private static String describe(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause instanceof NotDurableException
        ? cause.getMessage()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage() + "; resend";
  }

  public CompletionStage<Optional<InventoryView>> inventory(InventoryKey key) {
    return direct(
        sharding
            .entityRefFor(LocationInventory.TYPE_KEY, key.locationId())
            .ask(replyTo -> new LocationInventory.GetView(key.sku(), replyTo), askTimeout));
  }

  public CompletionStage<Optional<StoreView>> store(String storeId) {
    return direct(
        sharding.entityRefFor(Store.TYPE_KEY, storeId).ask(Store.GetView::new, askTimeout));
  }

  /** The demand signals of {@code productId}, by date; empty when it has none. */
  public CompletionStage<Optional<DemandSignalsView>> demandSignals(String productId) {
    return direct(
        sharding
            .entityRefFor(DemandSignals.TYPE_KEY, productId)
            .ask(DemandSignals.GetView::new, askTimeout));
  }
}
