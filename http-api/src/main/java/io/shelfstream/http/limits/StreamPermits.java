package io.shelfstream.http.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the ingestion requests in progress, per client address and in all, and admits a new one
 * only within {@link IngestLimits}. One check per request, none per line.
 */
public final class StreamPermits {
  private final IngestLimits limits;
  private final AtomicInteger total = new AtomicInteger();
  private final Map<String, Integer> perClient = new ConcurrentHashMap<>();

  public StreamPermits(IngestLimits limits) {
    this.limits = limits;
  }

  /** What became of a request asking to ingest. */
  public sealed interface Admission {}

  /** Admitted: release the permit once the request has ended, whichever way. */
  public record Admitted(Permit permit) implements Admission {}

  public record ClientAtLimit(String client, int limit) implements Admission {}

  public record NodeAtLimit(int limit) implements Admission {}

  public Admission admit(String client) {
    if (total.incrementAndGet() > limits.maxStreams()) {
      total.decrementAndGet();
      return new NodeAtLimit(limits.maxStreams());
    }
    boolean[] admitted = {false};
    perClient.compute(
        client,
        (address, streams) -> {
          int held = streams == null ? 0 : streams;
          admitted[0] = held < limits.maxStreamsPerClient();
          return admitted[0] ? held + 1 : streams;
        });
    if (!admitted[0]) {
      total.decrementAndGet();
      return new ClientAtLimit(client, limits.maxStreamsPerClient());
    }
    return new Admitted(new Permit(client));
  }

  /** Requests in progress, in all and from {@code client}. */
  public int inProgress() {
    return total.get();
  }

  public int inProgress(String client) {
    return perClient.getOrDefault(client, 0);
  }

  /** One admitted request's share; releasing it twice gives it back once. */
  public final class Permit {
    private final String client;
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit(String client) {
      this.client = client;
    }

    public void release() {
      if (released.compareAndSet(false, true)) {
        perClient.computeIfPresent(client, (address, streams) -> streams > 1 ? streams - 1 : null);
        total.decrementAndGet();
      }
    }
  }
}
