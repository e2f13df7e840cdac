package io.shelfstream.http.push;

import io.shelfstream.engine.integration.IntegrationCounters;
import io.shelfstream.engine.integration.RunningSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * One run of an {@code http} integration: ready at once, ended by {@link #stop()}. The records
 * themselves come through their route, each request its own stream.
 */
final class PushRun implements RunningSource {
  private final PushTargets targets;
  private final String id;
  private final IntegrationCounters counters;
  private final CompletableFuture<Done> completion = new CompletableFuture<>();

  PushRun(PushTargets targets, String id, IntegrationCounters counters) {
    this.targets = targets;
    this.id = id;
    this.counters = counters;
    targets.started(id, counters);
  }

  @Override
  public CompletionStage<Done> completion() {
    return completion;
  }

  @Override
  public CompletionStage<Done> ready() {
    return CompletableFuture.completedFuture(Done.getInstance());
  }

  @Override
  public void stop() {
    targets.stopped(id, counters);
    completion.complete(Done.getInstance());
  }
}
