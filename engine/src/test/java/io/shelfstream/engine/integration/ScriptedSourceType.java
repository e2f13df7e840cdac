package io.shelfstream.engine.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;

/**
 * A source type whose runs the test drives: each start creates a {@link Run} the test can make
 * ready, fail or inspect. Settings: {@code polls}, {@code fail-at-start}, {@code throw-at-start},
 * {@code stop-hangs} (booleans), {@code a} (an integer that only changes the spec) and {@code
 * broken} (always invalid). Details are what the test puts in {@link #details}: a future it
 * completes when it likes.
 */
final class ScriptedSourceType implements SourceType {
  final List<Run> runs = new CopyOnWriteArrayList<>();
  final AtomicInteger triggers = new AtomicInteger();
  final AtomicInteger detailQueries = new AtomicInteger();
  volatile CompletableFuture<Map<String, Object>> details =
      CompletableFuture.completedFuture(Map.of());

  static final class Run implements RunningSource {
    final CompletableFuture<Done> ready = new CompletableFuture<>();
    final CompletableFuture<Done> completion = new CompletableFuture<>();
    final IntegrationSpec spec;
    volatile boolean stopped;
    private final boolean stopHangs;
    private final AtomicInteger triggers;

    Run(IntegrationSpec spec, boolean stopHangs, AtomicInteger triggers) {
      this.spec = spec;
      this.stopHangs = stopHangs;
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
      if (!stopHangs) {
        completion.complete(Done.getInstance());
      }
    }

    @Override
    public void trigger() {
      triggers.incrementAndGet();
    }
  }

  private record Settings(
      boolean polls, boolean failAtStart, boolean throwAtStart, boolean stopHangs) {}

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public List<ConfigError> validate(IntegrationSpec spec) {
    List<ConfigError> errors = new ArrayList<>();
    read(spec, errors);
    return errors;
  }

  private static Settings read(IntegrationSpec spec, List<ConfigError> errors) {
    SettingsReader read = SettingsReader.of(spec);
    var settings =
        new Settings(
            read.bool("polls", false),
            read.bool("fail-at-start", false),
            read.bool("throw-at-start", false),
            read.bool("stop-hangs", false));
    read.integer("a", 0, 0, 100);
    if (read.string("broken", null, 100) != null) {
      read.error("broken", "is not allowed");
    }
    errors.addAll(read.errors());
    return settings;
  }

  @Override
  public IntegrationSource create(IntegrationSpec spec) {
    List<ConfigError> errors = new ArrayList<>();
    Settings settings = read(spec, errors);
    if (!errors.isEmpty()) {
      throw new InvalidIntegrationException(spec.id(), errors);
    }
    return new IntegrationSource() {
      @Override
      public RunningSource start(SourceContext context) {
        if (settings.throwAtStart()) {
          throw new IllegalStateException("cannot build a client");
        }
        Run run = new Run(spec, settings.stopHangs(), triggers);
        runs.add(run);
        if (settings.failAtStart()) {
          run.completion.completeExceptionally(new IllegalStateException("broker unreachable"));
        }
        return run;
      }

      @Override
      public CompletionStage<ConnectionCheck> test(SourceContext context) {
        return CompletableFuture.completedFuture(
            new ConnectionCheck(
                !settings.failAtStart(), settings.failAtStart() ? "unreachable" : "reached"));
      }

      @Override
      public boolean polls() {
        return settings.polls();
      }

      @Override
      public CompletionStage<Map<String, Object>> details() {
        detailQueries.incrementAndGet();
        return details;
      }
    };
  }

  Run lastRun() {
    return runs.get(runs.size() - 1);
  }
}
