package io.shelfstream.engine.record;

import static io.shelfstream.engine.concurrent.DirectStages.direct;

import io.shelfstream.engine.inventory.InventoryView;
import io.shelfstream.engine.inventory.SkuInventory;
import io.shelfstream.engine.store.Store;
import io.shelfstream.engine.store.StoreView;
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
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * The front door of the golden record: starts the sharded entities and hands them events, grouped
 * so that each entity gets one command per batch, whatever node it lives on.
 */
public final class GoldenRecords {
  private final ClusterSharding sharding;
  private final GoldenRecordSettings settings;
  private final Duration askTimeout;
  private final WritePermits permits;

  private GoldenRecords(
      ClusterSharding sharding,
      GoldenRecordSettings settings,
      Duration askTimeout,
      WritePermits permits) {
    this.sharding = sharding;
    this.settings = settings;
    this.askTimeout = askTimeout;
    this.permits = permits;
  }

  /**
   * {@code maxInFlightEvents} bounds the events handed to entities and not yet answered, across
   * every stream of this node: keep it below what the journal plugin can queue.
   */
  public static GoldenRecords start(
      ActorSystem<?> system,
      GoldenRecordSettings settings,
      Duration askTimeout,
      int maxInFlightEvents) {
    ClusterSharding sharding = ClusterSharding.get(system);
    SkuInventory.init(sharding, settings);
    Store.init(sharding, settings);
    return new GoldenRecords(sharding, settings, askTimeout, new WritePermits(maxInFlightEvents));
  }

  public GoldenRecordSettings settings() {
    return settings;
  }

  /**
   * Hands every event to its entity and completes once each has answered: one ack per event, in the
   * order given. Never completes exceptionally; an entity that fails makes its events {@link
   * IngestStatus#FAILED}.
   */
  public CompletionStage<List<EventAck>> ingest(List<? extends RetailEvent> events) {
    return permits
        .acquire(events.size())
        .thenCompose(granted -> handOver(events))
        .whenComplete((acks, error) -> permits.release(events.size()));
  }

  private CompletionStage<List<EventAck>> handOver(List<? extends RetailEvent> events) {
    Map<String, List<Integer>> inventory = new LinkedHashMap<>();
    Map<String, List<Integer>> stores = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      RetailEvent event = events.get(i);
      var groups = event instanceof StoreUpdate ? stores : inventory;
      groups.computeIfAbsent(event.entityId(), id -> new ArrayList<>(2)).add(i);
    }
    EventAck[] acks = new EventAck[events.size()];
    List<CompletableFuture<Void>> answers = new ArrayList<>(inventory.size() + stores.size());
    inventory.forEach(
        (entityId, positions) -> {
          List<SkuInventory.Event> batch = new ArrayList<>(positions.size());
          positions.forEach(i -> batch.add(SkuInventory.Event.of((InventoryEvent) events.get(i))));
          CompletionStage<IngestReply> reply =
              sharding
                  .entityRefFor(SkuInventory.TYPE_KEY, entityId)
                  .ask(replyTo -> new SkuInventory.Ingest(batch, replyTo), askTimeout);
          answers.add(fill(acks, positions, reply));
        });
    stores.forEach(
        (storeId, positions) -> {
          List<Store.StoreUpdated> batch = new ArrayList<>(positions.size());
          positions.forEach(i -> batch.add(Store.StoreUpdated.of((StoreUpdate) events.get(i))));
          CompletionStage<IngestReply> reply =
              sharding
                  .entityRefFor(Store.TYPE_KEY, storeId)
                  .ask(replyTo -> new Store.Ingest(batch, replyTo), askTimeout);
          answers.add(fill(acks, positions, reply));
        });
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(done -> Arrays.asList(acks));
  }

  private static CompletableFuture<Void> fill(
      EventAck[] acks, List<Integer> positions, CompletionStage<IngestReply> reply) {
    return direct(reply)
        .handle(
            (answer, error) -> {
              for (int k = 0; k < positions.size(); k++) {
                acks[positions.get(k)] =
                    error == null
                        ? EventAck.of(answer.statuses().get(k))
                        : EventAck.failed("not durable: " + describe(error) + "; resend");
              }
              return (Void) null;
            })
        .toCompletableFuture();
  }

  private static String describe(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  public CompletionStage<Optional<InventoryView>> inventory(InventoryKey key) {
    return direct(
        sharding
            .entityRefFor(SkuInventory.TYPE_KEY, key.entityId())
            .ask(SkuInventory.GetView::new, askTimeout));
  }

  public CompletionStage<Optional<StoreView>> store(String storeId) {
    return direct(
        sharding.entityRefFor(Store.TYPE_KEY, storeId).ask(Store.GetView::new, askTimeout));
  }
}
