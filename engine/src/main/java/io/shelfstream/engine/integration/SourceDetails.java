package io.shelfstream.engine.integration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What one source last reported about itself (e.g. Kafka lag), refreshed in the background: a query
 * to a system can take as long as the system makes it, so a status waits for it at most {@code
 * detailsWait} and otherwise answers with the last known details, their time and, if the last query
 * failed or is late, why.
 */
final class SourceDetails {

  /** The details as last known, when they were fetched (null: never) and the last query's error. */
  record Known(Map<String, Object> details, Instant at, String error) {
    static final Known NONE = new Known(Map.of(), null, null);
  }

  private final IntegrationSource source;
  private final StatusSettings settings;
  private final Executor blocking;
  private final Clock clock;

  // guarded by this
  private Known last = Known.NONE;
  private Instant lastAskedAt;
  private CompletableFuture<Known> refreshing;

  SourceDetails(IntegrationSource source, StatusSettings settings, Executor blocking, Clock clock) {
    this.source = source;
    this.settings = settings;
    this.blocking = blocking;
    this.clock = clock;
  }

  /** Fresh details if they come within {@code detailsWait}, else the last known; never fails. */
  CompletableFuture<Known> current() {
    Known known;
    CompletableFuture<Known> refresh;
    synchronized (this) {
      known = last;
      if (refreshing == null) {
        Instant now = clock.instant();
        if (lastAskedAt != null
            && Duration.between(lastAskedAt, now).compareTo(settings.detailsMaxAge()) < 0) {
          return CompletableFuture.completedFuture(last);
        }
        lastAskedAt = now;
        CompletableFuture<Known> started = refresh();
        if (started.isDone()) {
          return started; // answered at once, and already recorded
        }
        refreshing = started;
      }
      refresh = refreshing;
    }
    CompletableFuture<Known> answer = new CompletableFuture<>();
    refresh.thenAccept(answer::complete);
    return answer.completeOnTimeout(
        late(known), settings.detailsWait().toMillis(), TimeUnit.MILLISECONDS);
  }

  private Known late(Known known) {
    return known.error() != null
        ? known
        : new Known(known.details(), known.at(), "the last query has not answered yet");
  }

  /** Runs the source's query off the caller's thread (building a client may block on DNS). */
  private CompletableFuture<Known> refresh() {
    return CompletableFuture.supplyAsync(source::details, blocking)
        .thenCompose(stage -> stage)
        .orTimeout(settings.detailsTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (details, error) -> {
              synchronized (this) {
                last =
                    error == null
                        ? new Known(details, clock.instant(), null)
                        : new Known(last.details(), last.at(), describe(error));
                refreshing = null;
                return last;
              }
            });
  }

  private String describe(Throwable error) {
    Throwable cause = Failures.unwrap(error);
    if (cause instanceof TimeoutException) {
      return "no answer within " + settings.detailsTimeout().toMillis() + " ms";
    }
    return Failures.describe(cause);
  }
}
