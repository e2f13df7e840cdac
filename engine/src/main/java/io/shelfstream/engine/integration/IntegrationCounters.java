package io.shelfstream.engine.integration;

import io.shelfstream.engine.ingest.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an integration has done since its node started. Written by its stream, read by its
 * supervisor: atomics, so that counting costs no message per record.
 */
public final class IntegrationCounters {
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicReference<Instant> lastSuccessAt = new AtomicReference<>();
  private final Clock clock;

  public IntegrationCounters(Clock clock) {
    this.clock = clock;
  }

  /** Counts a batch's outcomes; a durable one is a success. */
  public void countAll(List<? extends Outcome<?>> outcomes) {
    long accepts = 0;
    long dupes = 0;
    long rejects = 0;
    for (Outcome<?> outcome : outcomes) {
      switch (outcome.fate()) {
        case ACCEPTED -> accepts++;
        case DUPLICATE -> dupes++;
        case REJECTED -> rejects++;
        case FAILED -> {}
      }
    }
    read.addAndGet(outcomes.size());
    accepted.addAndGet(accepts);
    duplicates.addAndGet(dupes);
    rejected.addAndGet(rejects);
    if (accepts + dupes + rejects > 0) {
      lastSuccessAt.set(clock.instant());
    }
  }

  public record Snapshot(
      long read, long accepted, long duplicates, long rejected, Instant lastSuccessAt) {}

  public Snapshot snapshot() {
    return new Snapshot(
        read.get(), accepted.get(), duplicates.get(), rejected.get(), lastSuccessAt.get());
  }
}
