package io.shelfstream.engine.integration;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/** A running stream graph of one integration, as its supervisor controls it. */
public interface RunningSource {

  /**
   * Completes when the stream has ended: normally after {@link #stop()}, exceptionally on failure.
   */
  CompletionStage<Done> completion();

  /**
   * Completes once the source is connected and reading (e.g. Kafka partitions assigned); until then
   * the integration is "starting".
   */
  CompletionStage<Done> ready();

  /** Stops reading, lets what is in flight become durable and be acknowledged, then ends. */
  void stop();

  /** Polls now (polling sources); others ignore it. */
  default void trigger() {}
}
