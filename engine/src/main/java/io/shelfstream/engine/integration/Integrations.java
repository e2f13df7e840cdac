package io.shelfstream.engine.integration;

import static io.shelfstream.engine.concurrent.DirectStages.direct;

import io.shelfstream.engine.ingest.IngestPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.pattern.StatusReply;

/**
 * The front door of the integrations runtime: validates specs, records changes in the registry, and
 * asks the supervisors for their status. Starts the registry singleton and the sharded supervisors.
 * No call here waits on a source's system: specs are checked without I/O, sources are built and
 * started by their supervisors, and a status answers within {@code status.timeout}, as {@code
 * unknown} if its supervisor does not.
 */
public final class Integrations {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final ActorRef<IntegrationRegistry.Command> registry;
  private final SourceTypes types;
  private final Duration timeout;
  private final StatusSettings status;
  private final Executor blocking;

  private Integrations(
      ActorSystem<?> system,
      ClusterSharding sharding,
      ActorRef<IntegrationRegistry.Command> registry,
      SourceTypes types,
      IntegrationRuntimeSettings settings) {
    this.system = system;
    this.sharding = sharding;
    this.registry = registry;
    this.types = types;
    this.timeout = settings.askTimeout();
    this.status = settings.status();
    this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
  }

  /** Fails at once if an integration declared in HOCON is invalid, naming each bad field. */
  public static Integrations start(
      ActorSystem<?> system,
      SourceTypes types,
      IngestPipeline pipeline,
      IntegrationRuntimeSettings settings) {
    checkDeclared(types, settings.declared());
    ClusterSharding sharding = ClusterSharding.get(system);
    IntegrationSupervisors.init(
        system, sharding, types, pipeline, settings.supervision(), settings.status());
    ActorRef<IntegrationRegistry.Command> registry =
        ClusterSingleton.get(system)
            .init(
                SingletonActor.of(
                    IntegrationRegistry.create(settings.declared(), sharding, settings.keepalive()),
                    "integration-registry"));
    return new Integrations(system, sharding, registry, types, settings);
  }

  /** Every invalid declared integration, each with every bad field, in one exception. */
  static void checkDeclared(SourceTypes types, Map<String, IntegrationSpec> declared) {
    List<InvalidIntegrationException> invalid = new ArrayList<>();
    declared
        .values()
        .forEach(
            spec -> {
              try {
                types.validate(spec);
              } catch (InvalidIntegrationException e) {
                invalid.add(e);
              }
            });
    if (invalid.size() == 1) {
      throw invalid.get(0);
    }
    if (!invalid.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid integrations under shelfstream.integrations: "
              + invalid.stream().map(Throwable::getMessage).collect(Collectors.joining(" | ")));
    }
  }

  public CompletionStage<List<IntegrationStatus>> list() {
    return listing()
        .thenCompose(
            listing -> {
              List<CompletableFuture<IntegrationStatus>> statuses = new ArrayList<>();
              listing
                  .integrations()
                  .forEach(
                      (id, entry) ->
                          statuses.add(
                              askStatus(id, entry.spec().type(), Duration.ZERO, status.timeout())));
              return CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new))
                  .thenApply(done -> statuses.stream().map(CompletableFuture::join).toList());
            });
  }

  /**
   * The integration's spec and paused flag as the registry holds them: for a route that takes its
   * records (an {@code http} integration), on whatever node the request comes to.
   */
  public CompletionStage<Optional<IntegrationRegistry.Entry>> entry(String id) {
    return listing().thenApply(listing -> Optional.ofNullable(listing.integrations().get(id)));
  }

  /** The status as it is now, within {@code status.timeout}. */
  public CompletionStage<Optional<IntegrationStatus>> status(String id) {
    return statusOf(id, Duration.ZERO, status.timeout());
  }

  /**
   * The status once a pause or resume just asked for has settled (in-flight records durable and
   * committed), or {@code stopping} if that takes more than half the ask timeout.
   */
  public CompletionStage<Optional<IntegrationStatus>> settledStatus(String id) {
    return statusOf(id, timeout.dividedBy(2), timeout);
  }

  /**
   * Creates or replaces an integration from a management body: parsed as strict JSON and checked
   * off the caller's thread, without I/O, then recorded. Fails with {@link
   * InvalidIntegrationException} naming every bad field before anything is recorded.
   */
  public CompletionStage<Done> put(String id, byte[] body) {
    return CompletableFuture.supplyAsync(
            () -> {
              IntegrationSpec spec = IntegrationBodies.parse(id, body);
              types.validate(spec);
              return spec;
            },
            blocking)
        .thenCompose(
            spec ->
                direct(
                    AskPattern.<IntegrationRegistry.Command, StatusReply<Done>>ask(
                        registry,
                        replyTo -> new IntegrationRegistry.Put(spec, replyTo),
                        timeout,
                        system.scheduler())))
        .thenApply(StatusReply::getValue);
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
        entry ->
            direct(
                IntegrationSupervisors.of(sharding, id)
                    .ask(IntegrationSupervisor.Trigger::new, timeout)));
  }

  public CompletionStage<Optional<ConnectionCheck>> test(String id) {
    return whenExists(
        id,
        entry ->
            direct(
                IntegrationSupervisors.of(sharding, id)
                    .ask(IntegrationSupervisor.Test::new, timeout)));
  }

  private CompletionStage<Optional<IntegrationStatus>> statusOf(
      String id, Duration settleWithin, Duration within) {
    return whenExists(id, entry -> askStatus(id, entry.spec().type(), settleWithin, within));
  }

  /** Never fails: a supervisor that does not answer in time gives an {@code unknown} status. */
  private CompletableFuture<IntegrationStatus> askStatus(
      String id, String type, Duration settleWithin, Duration within) {
    return direct(
            IntegrationSupervisors.of(sharding, id)
                .ask(
                    (ActorRef<IntegrationStatus> replyTo) ->
                        new IntegrationSupervisor.GetStatus(replyTo, settleWithin),
                    within.plus(settleWithin)))
        .exceptionally(
            error ->
                IntegrationStatus.unknown(
                    id,
                    type,
                    "its supervisor did not answer within "
                        + within.plus(settleWithin).toMillis()
                        + " ms ("
                        + Failures.describe(error)
                        + "); ask again"));
  }

  private CompletionStage<IntegrationRegistry.Listing> listing() {
    return direct(
        AskPattern.ask(
            registry, IntegrationRegistry.ListIntegrations::new, timeout, system.scheduler()));
  }

  private <T> CompletionStage<Optional<T>> whenExists(
      String id,
      java.util.function.Function<IntegrationRegistry.Entry, CompletionStage<T>> action) {
    return listing()
        .thenCompose(
            listing -> {
              IntegrationRegistry.Entry entry = listing.integrations().get(id);
              return entry == null
                  ? CompletableFuture.completedFuture(Optional.<T>empty())
                  : action.apply(entry).thenApply(Optional::of);
            });
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
