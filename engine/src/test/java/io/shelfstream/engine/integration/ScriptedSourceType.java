package io.shelfstream.engine.integration;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;

/**
 * A source type whose runs the test drives: each start creates a {@link Run} the test can make
 * ready, fail or inspect. Settings: {@code polls = true|false}, {@code fail-at-start = true}.
 */
final class ScriptedSourceType implements SourceType {
  final List<Run> runs = new CopyOnWriteArrayList<>();
  final AtomicInteger triggers = new AtomicInteger();

  static final class Run implements RunningSource {
    final CompletableFuture<Done> ready = new CompletableFuture<>();
    final CompletableFuture<Done> completion = new CompletableFuture<>();
    final IntegrationSpec spec;
    volatile boolean stopped;
    private final AtomicInteger triggers;

    Run(IntegrationSpec spec, AtomicInteger triggers) {
      this.spec = spec;
      this.triggers = triggers;
    }

    @Override
    public CompletionStage<Done> completion() {
      return completion;
    }

    @Override
    public CompletionStage<Done> ready() {
      return ready;
    }

    @Override
    public void stop() {
      stopped = true;
      completion.complete(Done.getInstance());
    }

    @Override
    public void trigger() {
      triggers.incrementAndGet();
    }
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public IntegrationSource create(IntegrationSpec spec) {
    var settings = spec.settings();
    if (settings.hasPath("broken")) {
      throw new InvalidIntegrationException(spec.id(), ConfigError.of("broken", "is not allowed"));
    }
    boolean polls = settings.hasPath("polls") && settings.getBoolean("polls");
    boolean failAtStart = settings.hasPath("fail-at-start") && settings.getBoolean("fail-at-start");
    return new IntegrationSource() {
      @Override
      public RunningSource start(SourceContext context) {
        Run run = new Run(spec, triggers);
        runs.add(run);
        if (failAtStart) {
          run.completion.completeExceptionally(new IllegalStateException("broker unreachable"));
        }
        return run;
      }

      @Override
      public CompletionStage<ConnectionCheck> test(SourceContext context) {
        return CompletableFuture.completedFuture(
            new ConnectionCheck(!failAtStart, failAtStart ? "unreachable" : "reached"));
      }

      @Override
      public boolean polls() {
        return polls;
      }
    };
  }

  Run lastRun() {
    return runs.get(runs.size() - 1);
  }
}
