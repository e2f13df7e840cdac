package io.shelfstream.sources.kafka;

import static io.shelfstream.engine.concurrent.DirectStages.direct;

import io.shelfstream.engine.integration.RunningSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.kafka.javadsl.Consumer;

/** One run of a Kafka integration's stream, as its supervisor controls it. */
final class KafkaRun implements RunningSource {
  private final Consumer.DrainingControl<Done> control;
  private final CompletableFuture<Done> ready;
  private final Executor blocking;

  KafkaRun(
      Consumer.DrainingControl<Done> control, CompletableFuture<Done> ready, Executor blocking) {
    this.control = control;
    this.ready = ready;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Done> completion() {
    return direct(control.streamCompletion());
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
