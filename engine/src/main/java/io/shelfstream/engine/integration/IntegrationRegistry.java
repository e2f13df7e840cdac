package io.shelfstream.engine.integration;

import io.shelfstream.engine.secrets.Redactable;
import io.shelfstream.engine.serialization.CborSerializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * Which integrations exist and whether each is paused: those declared in HOCON, overlaid by those
 * created, replaced, deleted or paused over HTTP, which are journaled so that they survive a
 * restart. Runs once per cluster (a singleton); every {@code keepalive} it tells each integration's
 * sharded supervisor its desired state, so that an integration whose node died is started again
 * elsewhere.
 */
public final class IntegrationRegistry
    extends EventSourcedBehaviorWithEnforcedReplies<
        IntegrationRegistry.Command, IntegrationRegistry.Event, IntegrationRegistry.State> {

  public sealed interface Command extends CborSerializable {}

  public record Put(IntegrationSpec spec, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record Delete(String id, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  public record SetPaused(String id, boolean paused, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  public record ListIntegrations(ActorRef<Listing> replyTo) implements Command {}

  private enum Keepalive implements Command {
    INSTANCE
  }

  /** Every integration in force, by id, with its paused flag. */
  public record Listing(Map<String, Entry> integrations) implements CborSerializable {}

  public record Entry(IntegrationSpec spec, boolean paused) implements CborSerializable {}

  public sealed interface Event extends CborSerializable {}

  /** Journaled; shown to replay readers with secrets that older versions let in masked. */
  public record IntegrationPut(IntegrationSpec spec) implements Event, Redactable {
    @Override
    public IntegrationPut redacted() {
      return new IntegrationPut(spec.redacted());
    }
  }

  public record IntegrationDeleted(String id) implements Event {}

  public record PausedSet(String id, boolean paused) implements Event {}

  /** What HTTP changed: specs put, ids deleted (hiding declared ones), paused flags. */
  public record State(Map<String, IntegrationSpec> put, Set<String> deleted, Set<String> paused)
      implements CborSerializable {
    static final State EMPTY = new State(Map.of(), Set.of(), Set.of());

    public State {
      put = Map.copyOf(put);
      deleted = Set.copyOf(deleted);
      paused = Set.copyOf(paused);
    }
  }

  public static Behavior<Command> create(
      Map<String, IntegrationSpec> declared, ClusterSharding sharding, Duration keepalive) {
    return Behaviors.withTimers(
        timers -> new IntegrationRegistry(declared, sharding, keepalive, timers));
  }

  private final Map<String, IntegrationSpec> declared;
  private final ClusterSharding sharding;
  private final Duration keepalive;
  private final TimerScheduler<Command> timers;

  private IntegrationRegistry(
      Map<String, IntegrationSpec> declared,
      ClusterSharding sharding,
      Duration keepalive,
      TimerScheduler<Command> timers) {
    super(PersistenceId.ofUniqueId("IntegrationRegistry"));
    this.declared = Map.copyOf(declared);
    this.sharding = sharding;
    this.keepalive = keepalive;
    this.timers = timers;
  }

  @Override
  public State emptyState() {
    return State.EMPTY;
  }

  /** Declared integrations overlaid by what HTTP changed. */
  private Map<String, Entry> inForce(State state) {
    Map<String, IntegrationSpec> specs = new TreeMap<>(declared);
    specs.keySet().removeAll(state.deleted());
    specs.putAll(state.put());
    Map<String, Entry> entries = new LinkedHashMap<>();
    specs.forEach((id, spec) -> entries.put(id, new Entry(spec, state.paused().contains(id))));
    return entries;
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(
            Put.class,
            (state, put) ->
                persistAndTell(new IntegrationPut(put.spec()), put.spec().id(), put.replyTo()))
        .onCommand(Delete.class, this::onDelete)
        .onCommand(SetPaused.class, this::onSetPaused)
        .onCommand(
            ListIntegrations.class,
            (state, list) -> Effect().reply(list.replyTo(), new Listing(inForce(state))))
        .onCommand(
            Keepalive.class,
            (state, tick) -> {
              tellAll(state);
              return Effect().noReply();
            })
        .build();
  }

  private ReplyEffect<Event, State> onDelete(State state, Delete delete) {
    if (!inForce(state).containsKey(delete.id())) {
      return Effect().reply(delete.replyTo(), StatusReply.error("no integration " + delete.id()));
    }
    return Effect()
        .persist(new IntegrationDeleted(delete.id()))
        .thenRun(next -> IntegrationSupervisors.remove(sharding, delete.id()))
        .thenReply(delete.replyTo(), next -> StatusReply.ack());
  }

  private ReplyEffect<Event, State> onSetPaused(State state, SetPaused set) {
    if (!inForce(state).containsKey(set.id())) {
      return Effect().reply(set.replyTo(), StatusReply.error("no integration " + set.id()));
    }
    return persistAndTell(new PausedSet(set.id(), set.paused()), set.id(), set.replyTo());
  }

  private ReplyEffect<Event, State> persistAndTell(
      Event event, String id, ActorRef<StatusReply<Done>> replyTo) {
    return Effect()
        .persist(event)
        .thenRun(next -> IntegrationSupervisors.configure(sharding, inForce(next).get(id)))
        .thenReply(replyTo, next -> StatusReply.ack());
  }

  private void tellAll(State state) {
    inForce(state).values().forEach(entry -> IntegrationSupervisors.configure(sharding, entry));
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    var builder = newEventHandlerBuilder();
    builder
        .forAnyState()
        .onEvent(
            IntegrationPut.class,
            (state, put) -> {
              Map<String, IntegrationSpec> specs = new HashMap<>(state.put());
              specs.put(put.spec().id(), put.spec());
              Set<String> deleted = new HashSet<>(state.deleted());
              deleted.remove(put.spec().id());
              return new State(specs, deleted, state.paused());
            })
        .onEvent(
            IntegrationDeleted.class,
            (state, delete) -> {
              Map<String, IntegrationSpec> specs = new HashMap<>(state.put());
              specs.remove(delete.id());
              Set<String> deleted = new HashSet<>(state.deleted());
              deleted.add(delete.id());
              Set<String> paused = new HashSet<>(state.paused());
              paused.remove(delete.id());
              return new State(specs, deleted, paused);
            })
        .onEvent(
            PausedSet.class,
            (state, set) -> {
              Set<String> paused = new HashSet<>(state.paused());
              if (set.paused()) {
                paused.add(set.id());
              } else {
                paused.remove(set.id());
              }
              return new State(state.put(), state.deleted(), paused);
            });
    return builder.build();
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            RecoveryCompleted.instance(),
            state -> {
              tellAll(state);
              timers.startTimerWithFixedDelay(Keepalive.INSTANCE, keepalive);
            })
        .build();
  }
}
