package io.shelfstream.engine.integration;

import io.shelfstream.engine.ingest.IngestPipeline;
import io.shelfstream.engine.secrets.KnownSecrets;
import io.shelfstream.engine.serialization.CborSerializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Owns one integration's stream graph: starts it, restarts it with exponential backoff and jitter
 * when it fails (then gives up as {@code failed}), pauses and resumes it (stopping the stream lets
 * what is in flight become durable and be acknowledged, so resuming continues from the source's
 * committed position), and answers for its status. The registry tells it the desired spec and
 * paused flag again and again; it converges to them. A status never waits on the source's system:
 * it answers with the source's last known details, and waits for a stop in progress only as long as
 * its caller allows.
 */
public final class IntegrationSupervisor {

  public sealed interface Command extends CborSerializable {}

  /** The desired state, from the registry; repeated, so that a lost message heals itself. */
  public record Configure(IntegrationSpec spec, boolean paused) implements Command {}

  /** The integration was deleted: stop its stream and the supervisor. */
  public enum Remove implements Command {
    INSTANCE
  }

  public record Trigger(ActorRef<TriggerReply> replyTo) implements Command {}

  public record TriggerReply(boolean triggered, String detail) implements CborSerializable {}

  /**
   * Asks for the status; while a stop is in progress (a pause, say) the answer waits for it up to
   * {@code settleWithin}, then says {@code stopping}.
   */
  public record GetStatus(ActorRef<IntegrationStatus> replyTo, Duration settleWithin)
      implements Command {}

  public record Test(ActorRef<ConnectionCheck> replyTo) implements Command {}

  // the stream's own signals; runId tells them apart from those of an earlier run
  private record Ready(long runId) implements Command {}

  private record Ended(long runId, Throwable failure) implements Command {}

  private record RestartDue(long runId) implements Command {}

  private record FailuresForgiven(long runId) implements Command {}

  private record StopTimedOut(long runId) implements Command {}

  private record StatusDue(GetStatus get) implements Command {}

  public static Behavior<Command> create(
      String id,
      SourceTypes types,
      IngestPipeline pipeline,
      SupervisionSettings supervision,
      StatusSettings status,
      Clock clock) {
    return Behaviors.withStash(
        1000,
        stash ->
            Behaviors.setup(
                context ->
                    Behaviors.withTimers(
                        timers ->
                            new IntegrationSupervisor(
                                    id,
                                    types,
                                    pipeline,
                                    supervision,
                                    status,
                                    clock,
                                    context,
                                    timers,
                                    stash)
                                .unconfigured())));
  }

  private final String id;
  private final IngestPipeline pipeline;
  private final SupervisionSettings supervision;
  private final Clock clock;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final StashBuffer<Command> stash;
  private final IntegrationCounters counters;
  private final List<GetStatus> awaitingStop = new ArrayList<>();

  private IntegrationSpec spec;
  private IntegrationState state = IntegrationState.STARTING;
  private final SourceOfSpec sources;
  private RunningSource running;
  private long runId;
  private int failuresInARow;
  private int restarts;
  private String lastError;
  private Instant lastErrorAt;

  private IntegrationSupervisor(
      String id,
      SourceTypes types,
      IngestPipeline pipeline,
      SupervisionSettings supervision,
      StatusSettings status,
      Clock clock,
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      StashBuffer<Command> stash) {
    this.id = id;
    this.sources =
        new SourceOfSpec(
            types,
            status,
            context.getSystem().dispatchers().lookup(DispatcherSelector.blocking()),
            clock);
    this.pipeline = pipeline;
    this.supervision = supervision;
    this.clock = clock;
    this.context = context;
    this.timers = timers;
    this.stash = stash;
    this.counters = new IntegrationCounters(clock);
  }

  /** Waiting for the registry's first word. */
  private Behavior<Command> unconfigured() {
    return Behaviors.receive(Command.class)
        .onMessage(Configure.class, this::onFirstConfigure)
        .onMessage(GetStatus.class, this::onGetStatus)
        .onMessage(Remove.class, remove -> Behaviors.stopped())
        .onMessage(Trigger.class, this::onTriggerIdle)
        .onMessage(Test.class, this::onTest)
        .onAnyMessage(ignored -> Behaviors.same())
        .onSignal(PostStop.class, this::onPostStop)
        .build();
  }

  private Behavior<Command> onFirstConfigure(Configure configure) {
    spec = configure.spec();
    return configure.paused() ? paused() : startStream();
  }

  private Behavior<Command> startStream() {
    runId++;
    long run = runId;
    state = IntegrationState.STARTING;
    try {
      running = source().start(sourceContext());
    } catch (RuntimeException e) {
      context.getLog().warn("integration {} cannot start: {}", id, Failures.describe(e));
      running = null;
      return onFailure(e);
    }
    context.pipeToSelf(running.ready(), (done, error) -> new Ready(run));
    context.pipeToSelf(running.completion(), (done, error) -> new Ended(run, error));
    timers.startSingleTimer(new FailuresForgiven(run), supervision.resetAfter());
    return active();
  }

  /** Starting or running: the stream is up. */
  private Behavior<Command> active() {
    return Behaviors.receive(Command.class)
        .onMessage(Ready.class, this::onReady)
        .onMessage(
            FailuresForgiven.class,
            forgiven -> {
              if (forgiven.runId() == runId) {
                failuresInARow = 0;
              }
              return Behaviors.same();
            })
        .onMessage(Ended.class, this::onEndedWhileActive)
        .onMessage(Configure.class, this::onConfigureWhileActive)
        .onMessage(
            Remove.class, remove -> stopStream(IntegrationState.STOPPED, () -> Behaviors.stopped()))
        .onMessage(Trigger.class, this::onTriggerActive)
        .onMessage(GetStatus.class, this::onGetStatus)
        .onMessage(Test.class, this::onTest)
        .onAnyMessage(ignored -> Behaviors.same())
        .onSignal(PostStop.class, this::onPostStop)
        .build();
  }

  private Behavior<Command> onReady(Ready ready) {
    if (ready.runId() == runId && state == IntegrationState.STARTING) {
      state = IntegrationState.RUNNING;
    }
    return Behaviors.same();
  }

  private Behavior<Command> onEndedWhileActive(Ended ended) {
    if (ended.runId() != runId) {
      return Behaviors.same();
    }
    running = null;
    Throwable failure =
        ended.failure() != null
            ? ended.failure()
            : new IllegalStateException("the source stopped by itself");
    context.getLog().warn("integration {} failed: {}", id, Failures.describe(failure));
    return onFailure(failure);
  }

  private Behavior<Command> onFailure(Throwable failure) {
    lastError = Failures.describe(failure);
    lastErrorAt = clock.instant();
    failuresInARow++;
    if (failure instanceof InvalidIntegrationException
        || failuresInARow > supervision.maxRestarts()) {
      state = IntegrationState.FAILED;
      return failed();
    }
    state = IntegrationState.BACKING_OFF;
    timers.startSingleTimer(new RestartDue(runId), supervision.backoff(failuresInARow));
    return backingOff();
  }

  private Behavior<Command> onConfigureWhileActive(Configure configure) {
    if (configure.paused()) {
      spec = configure.spec();
      return stopStream(IntegrationState.PAUSED, this::paused);
    }
    if (!configure.spec().equals(spec)) {
      spec = configure.spec();
      failuresInARow = 0;
      return stopStream(IntegrationState.STARTING, this::startStream);
    }
    return Behaviors.same();
  }

  /**
   * Stops the stream gracefully and waits for it, stashing commands meanwhile; if it does not end
   * within the stop timeout, goes on anyway (the stream's own shutdown keeps running).
   */
  private Behavior<Command> stopStream(IntegrationState target, Supplier<Behavior<Command>> next) {
    long run = runId;
    state = IntegrationState.STOPPING;
    running.stop();
    timers.startSingleTimer(new StopTimedOut(run), supervision.stopTimeout());
    return Behaviors.receive(Command.class)
        .onMessage(Ended.class, ended -> ended.runId() == run, ended -> afterStop(target, next))
        .onMessage(
            StopTimedOut.class,
            timedOut -> timedOut.runId() == run,
            timedOut -> {
              context
                  .getLog()
                  .warn("integration {} did not stop within {}", id, supervision.stopTimeout());
              return afterStop(target, next);
            })
        .onMessage(Ready.class, ignored -> Behaviors.same())
        .onMessage(FailuresForgiven.class, ignored -> Behaviors.same())
        .onMessage(GetStatus.class, this::onGetStatusWhileStopping)
        .onMessage(
            StatusDue.class,
            due -> {
              if (awaitingStop.remove(due.get())) {
                answer(due.get());
              }
              return Behaviors.same();
            })
        .onAnyMessage(
            command -> {
              stash.stash(command);
              return Behaviors.same();
            })
        .onSignal(PostStop.class, this::onPostStop)
        .build();
  }

  private Behavior<Command> onGetStatusWhileStopping(GetStatus get) {
    Duration within = get.settleWithin() == null ? Duration.ZERO : get.settleWithin();
    if (within.isZero() || within.isNegative()) {
      answer(get);
    } else {
      awaitingStop.add(get);
      timers.startSingleTimer(new StatusDue(get), within);
    }
    return Behaviors.same();
  }

  private Behavior<Command> afterStop(IntegrationState target, Supplier<Behavior<Command>> next) {
    timers.cancelAll();
    running = null;
    runId++;
    state = target;
    Behavior<Command> then = next.get();
    awaitingStop.forEach(this::answer);
    awaitingStop.clear();
    return stash.unstashAll(then);
  }

  private Behavior<Command> backingOff() {
    return waiting()
        .onMessage(
            RestartDue.class,
            due -> due.runId() == runId,
            due -> {
              restarts++;
              return startStream();
            })
        .onAnyMessage(staleSignal -> Behaviors.same())
        .build();
  }

  private Behavior<Command> failed() {
    return waiting().onAnyMessage(staleSignal -> Behaviors.same()).build();
  }

  private Behavior<Command> paused() {
    state = IntegrationState.PAUSED;
    return waiting().onAnyMessage(staleSignal -> Behaviors.same()).build();
  }

  /** Backing off, failed or paused: no stream runs; the desired state decides what is next. */
  private org.apache.pekko.actor.typed.javadsl.BehaviorBuilder<Command> waiting() {
    return Behaviors.receive(Command.class)
        .onMessage(Configure.class, this::onConfigureWhileWaiting)
        .onMessage(
            Remove.class,
            remove -> {
              state = IntegrationState.STOPPED;
              return Behaviors.stopped();
            })
        .onMessage(Trigger.class, this::onTriggerIdle)
        .onMessage(GetStatus.class, this::onGetStatus)
        .onMessage(Test.class, this::onTest)
        .onSignal(PostStop.class, this::onPostStop);
  }

  private IntegrationSource source() {
    return sources.of(spec);
  }

  private Behavior<Command> onPostStop(PostStop stopped) {
    sources.close();
    return Behaviors.same();
  }

  private Behavior<Command> onConfigureWhileWaiting(Configure configure) {
    boolean changed = !configure.spec().equals(spec);
    spec = configure.spec();
    if (configure.paused()) {
      timers.cancelAll();
      runId++;
      return state == IntegrationState.PAUSED ? Behaviors.same() : paused();
    }
    if (state == IntegrationState.PAUSED || changed) {
      // resumed, or a new spec to try at once; a resume also forgives past failures
      timers.cancelAll();
      failuresInARow = 0;
      return startStream();
    }
    return Behaviors
        .same(); // failed or backing off with the same spec: wait for the timer or a resume
  }

  private Behavior<Command> onTriggerActive(Trigger trigger) {
    if (!source().polls()) {
      trigger
          .replyTo()
          .tell(
              new TriggerReply(
                  false, spec.type() + " integrations do not poll: they read continuously"));
    } else {
      running.trigger();
      trigger.replyTo().tell(new TriggerReply(true, "polling now"));
    }
    return Behaviors.same();
  }

  private Behavior<Command> onTriggerIdle(Trigger trigger) {
    trigger.replyTo().tell(new TriggerReply(false, "not running (" + state.wireName() + ")"));
    return Behaviors.same();
  }

  private Behavior<Command> onTest(Test test) {
    if (spec == null) {
      test.replyTo().tell(new ConnectionCheck(false, "not configured yet"));
      return Behaviors.same();
    }
    try {
      source()
          .test(sourceContext())
          .whenComplete(
              (check, error) ->
                  test.replyTo()
                      .tell(
                          check != null
                              ? new ConnectionCheck(check.ok(), KnownSecrets.mask(check.detail()))
                              : new ConnectionCheck(false, Failures.describe(error))));
    } catch (RuntimeException e) { // a spec that cannot build its source
      test.replyTo().tell(new ConnectionCheck(false, KnownSecrets.mask(e.getMessage())));
    }
    return Behaviors.same();
  }

  private Behavior<Command> onGetStatus(GetStatus get) {
    answer(get);
    return Behaviors.same();
  }

  /** The status now, with the source's details as soon as they come (within the status wait). */
  private void answer(GetStatus get) {
    IntegrationStatus now =
        IntegrationStatus.of(
            id,
            spec == null ? null : spec.type(),
            state,
            counters.snapshot(),
            lastError,
            lastErrorAt,
            restarts);
    ActorRef<IntegrationStatus> replyTo = get.replyTo();
    sources.details(spec).thenAccept(known -> replyTo.tell(now.withDetails(known)));
  }

  private SourceContext sourceContext() {
    return new SourceContext(spec, pipeline, counters, context.getSystem());
  }
}
