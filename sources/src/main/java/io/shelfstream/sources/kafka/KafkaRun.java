package io.shelfstream.sources.kafka;

import static io.shelfstream.engine.concurrent.DirectStages.direct;

import io.shelfstream.engine.integration.RunningSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.kafka.javadsl.Consumer;

/**
 * One run of a Kafka integration's stream, as its supervisor controls it. The run fails if no
 * broker answers its probe before its partitions are assigned.
 */
final class KafkaRun implements RunningSource {
  private final Consumer.DrainingControl<Done> control;
  private final CompletableFuture<Done> ready;
  private final CompletableFuture<Done> completion = new CompletableFuture<>();
  private final Executor blocking;

  KafkaRun(
      Consumer.DrainingControl<Done> control,
      CompletableFuture<Done> ready,
      CompletionStage<Void> probe,
      Executor blocking) {
    this.control = control;
    this.ready = ready;
    this.blocking = blocking;
    direct(control.streamCompletion())
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                completion.completeExceptionally(error);
              } else {
                completion.complete(done);
              }
            });
    probe.whenComplete(
        (reached, unreachable) -> {
          if (unreachable != null && !ready.isDone()) {
            completion.completeExceptionally(
                unreachable instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause()
                    : unreachable);
            control.shutdown();
          }
        });
  }

  @Override
  public CompletionStage<Done> completion() {
    return completion;
  }

  @Override
  public CompletionStage<Done> ready() {
    return ready;
  }

  /** Stops polling, lets in-flight records become durable, commits their offsets, then ends. */
  @Override
  public void stop() {
    control.drainAndShutdown(blocking);
  }
}
