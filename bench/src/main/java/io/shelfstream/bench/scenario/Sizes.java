package io.shelfstream.bench.scenario;

import java.time.Duration;

/**
 * How big and how long each scenario is: by default the whole bench takes about 18 minutes on 2
 * cores; {@code full} is the long one (3 runs each, longer runs, a 10 GiB POST). Every load is
 * bounded by a count and a time.
 *
 * @param warmUp how long each node is warmed up before it is measured
 * @param httpRun how long each measured HTTP run sends
 * @param catalogEvents POS events of the high-cardinality catalog
 */
public record Sizes(boolean full, Duration warmUp, Duration httpRun, int catalogEvents) {
  public static final long GIB = 1L << 30;

  public static Sizes of(
      boolean full, Integer runSeconds, Integer warmUpSeconds, Integer catalogEvents) {
    return new Sizes(
        full,
        // 45 s left the node's JIT compiling through the measured run: 31k events/s against 53k
        // after 90 s, in the same hour
        Duration.ofSeconds(warmUpSeconds != null ? warmUpSeconds : 90),
        Duration.ofSeconds(runSeconds != null ? runSeconds : full ? 60 : 30),
        catalogEvents != null ? catalogEvents : 1_000_000);
  }

  /** Measured runs of each scenario; with several, figures are medians. */
  public int runs() {
    return full ? 3 : 1;
  }

  /** How long a node sends at a fixed rate, not counted, before that rate is measured. */
  public Duration settle() {
    return Duration.ofSeconds(full ? 30 : 15);
  }

  /** Loads of the same rows by COPY, into fresh tables each time; the median counts. */
  public int copyLoads() {
    return full ? 3 : 2;
  }

  /** World events in each Kafka run's topic: about as long a run as an HTTP one. */
  public long kafkaEvents() {
    return full ? 3_000_000 : 1_000_000;
  }

  public int kafkaWarmUpRecords() {
    return full ? 200_000 : 100_000;
  }

  /** How long the profile records the HTTP load. */
  public Duration profileRun() {
    return Duration.ofSeconds(full ? 60 : 25);
  }

  /** Distinct records touched by the heap measurement: 2,000 locations × 500 SKUs. */
  public long heapRecords() {
    return 1_000_000;
  }

  /** The body of the one huge POST, and how long it may stream at most. */
  public long bodyBytes() {
    return full ? 10 * GIB : 2 * GIB;
  }

  public Duration bodyCap() {
    return Duration.ofSeconds(full ? 180 : 90);
  }

  public long busyLocationEvents() {
    return full ? 1_200_000 : 600_000;
  }

  public int snapshotPairs() {
    return full ? 2 : 1;
  }
}
