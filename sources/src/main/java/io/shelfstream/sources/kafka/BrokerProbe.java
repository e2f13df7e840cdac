package io.shelfstream.sources.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether any broker answers within the integration's connection timeout. A Kafka consumer that
 * reaches no broker retries quietly for ever; this probe, run at each start, turns that into a
 * failure the integration's status shows ({@code backing-off} with its reason).
 */
final class BrokerProbe {
  private BrokerProbe() {}

  /** Completes when a broker has answered; fails with {@link BrokerUnreachableException}. */
  static CompletableFuture<Void> reach(
      KafkaSettings settings, Map<String, String> properties, Executor blocking) {
    Duration timeout = settings.connectionTimeout();
    // building a client resolves its bootstrap names: never on the caller's (an actor's) thread
    return CompletableFuture.supplyAsync(
            () -> KafkaClients.admin(settings, properties, timeout), blocking)
        .thenCompose(
            admin ->
                admin
                    .describeCluster()
                    .nodes()
                    .toCompletionStage()
                    .whenCompleteAsync((nodes, error) -> admin.close(Duration.ZERO), blocking))
        .orTimeout(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
        .handle(
            (nodes, error) -> {
              if (error == null && !nodes.isEmpty()) {
                return null;
              }
              throw new BrokerUnreachableException(settings, error);
            });
  }

  /** No broker of {@code bootstrap-servers} answered, and why. */
  static final class BrokerUnreachableException extends RuntimeException {
    BrokerUnreachableException(KafkaSettings settings, Throwable error) {
      super(message(settings, error));
    }

    private static String message(KafkaSettings settings, Throwable error) {
      Throwable cause = error;
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      String why =
          cause == null
              ? "it knows no broker"
              : cause instanceof TimeoutException
                      || cause instanceof org.apache.kafka.common.errors.TimeoutException
                  ? "no answer within " + settings.connectionTimeout().toMillis() + " ms"
                  : cause.getClass().getSimpleName()
                      + ": "
                      + cause.getMessage()
                      + (cause.getCause() == null
                          ? ""
                          : " (" + cause.getCause().getMessage() + ")");
      return "cannot reach a Kafka broker at " + settings.bootstrapServers() + ": " + why;
    }
  }
}
