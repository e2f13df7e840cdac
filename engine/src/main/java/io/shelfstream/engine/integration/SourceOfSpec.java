package io.shelfstream.engine.integration;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The source an integration's spec describes, with the details it last reported, kept across the
 * runs of its stream (a restart reuses its connections) and built again only when the spec changes.
 */
final class SourceOfSpec {
  private final SourceTypes types;
  private final StatusSettings status;
  private final Executor blocking;
  private final Clock clock;
  private IntegrationSource source;
  private SourceDetails details;
  private IntegrationSpec builtFrom;

  SourceOfSpec(SourceTypes types, StatusSettings status, Executor blocking, Clock clock) {
    this.types = types;
    this.status = status;
    this.blocking = blocking;
    this.clock = clock;
  }

  /** The source of {@code spec}; throws {@link InvalidIntegrationException} for a bad spec. */
  IntegrationSource of(IntegrationSpec spec) {
    if (source == null || !spec.equals(builtFrom)) {
      close();
      builtFrom = spec;
      source = types.create(spec);
      details = new SourceDetails(source, status, blocking, clock);
    }
    return source;
  }

  /**
   * The details of {@code spec}'s source, at most {@code status.detailsWait()} away; none if
   * invalid.
   */
  CompletableFuture<SourceDetails.Known> details(IntegrationSpec spec) {
    if (spec == null) {
      return CompletableFuture.completedFuture(SourceDetails.Known.NONE);
    }
    try {
      of(spec);
    } catch (RuntimeException invalid) {
      // the integration's status already says why it cannot run
      return CompletableFuture.completedFuture(SourceDetails.Known.NONE);
    }
    return details.current();
  }

  void close() {
    if (source != null) {
      source.close();
      source = null;
      details = null;
    }
  }
}
