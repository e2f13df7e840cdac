package io.shelfstream.engine.integration;

import static io.shelfstream.engine.concurrent.DirectStages.direct;

import io.shelfstream.engine.ingest.IngestPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.pattern.StatusReply;

/**
 * The front door of the integrations runtime: validates specs, records changes in the registry, and
 * asks the supervisors for their status. Starts the registry singleton and the sharded supervisors.
 */
public final class Integrations {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final ActorRef<IntegrationRegistry.Command> registry;
  private final SourceTypes types;
  private final Duration timeout;

  private Integrations(
      ActorSystem<?> system,
      ClusterSharding sharding,
      ActorRef<IntegrationRegistry.Command> registry,
      SourceTypes types,
      Duration timeout) {
    this.system = system;
    this.sharding = sharding;
    this.registry = registry;
    this.types = types;
    this.timeout = timeout;
  }

  /** Fails at once if an integration declared in HOCON is invalid, naming its fields. */
  public static Integrations start(
      ActorSystem<?> system,
      SourceTypes types,
      IngestPipeline pipeline,
      IntegrationRuntimeSettings settings) {
    settings.declared().values().forEach(types::create);
    ClusterSharding sharding = ClusterSharding.get(system);
    IntegrationSupervisors.init(system, sharding, types, pipeline, settings.supervision());
    ActorRef<IntegrationRegistry.Command> registry =
        ClusterSingleton.get(system)
            .init(
                SingletonActor.of(
                    IntegrationRegistry.create(settings.declared(), sharding, settings.keepalive()),
                    "integration-registry"));
    return new Integrations(system, sharding, registry, types, settings.askTimeout());
  }

  public CompletionStage<List<IntegrationStatus>> list() {
    return listing()
        .thenCompose(
            listing -> {
              List<CompletableFuture<IntegrationStatus>> statuses = new ArrayList<>();
              listing
                  .integrations()
                  .keySet()
                  .forEach(id -> statuses.add(askStatus(id).toCompletableFuture()));
              return CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new))
                  .thenApply(done -> statuses.stream().map(CompletableFuture::join).toList());
            });
  }

  public CompletionStage<Optional<IntegrationStatus>> status(String id) {
    return exists(id)
        .thenCompose(
            known ->
                known
                    ? askStatus(id).thenApply(Optional::of)
                    : CompletableFuture.completedFuture(Optional.empty()));
  }

  /**
   * Creates or replaces an integration; throws {@link InvalidIntegrationException} naming every bad
   * field before anything is recorded.
   */
  public CompletionStage<Done> put(IntegrationSpec spec) {
    types.create(spec);
    return direct(
            AskPattern.<IntegrationRegistry.Command, StatusReply<Done>>ask(
                registry,
                replyTo -> new IntegrationRegistry.Put(spec, replyTo),
                timeout,
                system.scheduler()))
        .thenApply(reply -> reply.getValue());
  }

  /** Empty when there is no such integration. */
  public CompletionStage<Optional<Done>> delete(String id) {
    return statusReply(replyTo -> new IntegrationRegistry.Delete(id, replyTo));
  }

  public CompletionStage<Optional<Done>> setPaused(String id, boolean paused) {
    return statusReply(replyTo -> new IntegrationRegistry.SetPaused(id, paused, replyTo));
  }

  public CompletionStage<Optional<IntegrationSupervisor.TriggerReply>> trigger(String id) {
    return whenExists(
        id,
        () ->
            direct(
                IntegrationSupervisors.of(sharding, id)
                    .ask(IntegrationSupervisor.Trigger::new, timeout)));
  }

  public CompletionStage<Optional<ConnectionCheck>> test(String id) {
    return whenExists(
        id,
        () ->
            direct(
                IntegrationSupervisors.of(sharding, id)
                    .ask(IntegrationSupervisor.Test::new, timeout)));
  }

  private CompletionStage<IntegrationStatus> askStatus(String id) {
    return direct(
        IntegrationSupervisors.of(sharding, id).ask(IntegrationSupervisor.GetStatus::new, timeout));
  }

  private CompletionStage<IntegrationRegistry.Listing> listing() {
    return direct(
        AskPattern.ask(
            registry, IntegrationRegistry.ListIntegrations::new, timeout, system.scheduler()));
  }

  private CompletionStage<Boolean> exists(String id) {
    return listing().thenApply(listing -> listing.integrations().containsKey(id));
  }

  private <T> CompletionStage<Optional<T>> whenExists(
      String id, java.util.function.Supplier<CompletionStage<T>> action) {
    return exists(id)
        .thenCompose(
            known ->
                known
                    ? action.get().thenApply(Optional::of)
                    : CompletableFuture.completedFuture(Optional.empty()));
  }

  /** The registry answers an error only for an unknown id. */
  private CompletionStage<Optional<Done>> statusReply(
      Function<ActorRef<StatusReply<Done>>, IntegrationRegistry.Command> command) {
    return direct(
            AskPattern.<IntegrationRegistry.Command, StatusReply<Done>>ask(
                registry, command, timeout, system.scheduler()))
        .thenApply(reply -> reply.isSuccess() ? Optional.of(reply.getValue()) : Optional.empty());
  }
}
