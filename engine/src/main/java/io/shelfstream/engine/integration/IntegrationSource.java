package io.shelfstream.engine.integration;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A validated integration, ready to run as many times as its supervisor (re)starts it. */
public interface IntegrationSource {

  /**
   * Materializes the stream graph: records from the system, through {@code context.pipeline()},
   * acknowledged to the system only once durable. Must not block.
   */
  RunningSource start(SourceContext context);

  /** Can the system be reached with these settings and credentials? Never fails: says why not. */
  CompletionStage<ConnectionCheck> test(SourceContext context);

  /** Whether the source polls on a schedule, so that {@code trigger} means something. */
  default boolean polls() {
    return false;
  }

  /**
   * Source-specific status, running or not, such as Kafka's lag per partition (which shows that a
   * paused integration is not reading).
   */
  default CompletionStage<Map<String, Object>> details() {
    return CompletableFuture.completedFuture(Map.of());
  }

  /** Releases what the source holds between runs; called when its spec is replaced or removed. */
  default void close() {}
}
