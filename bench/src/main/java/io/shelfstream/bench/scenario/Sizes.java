package io.shelfstream.bench.scenario;

import java.time.Duration;

/**
 * How big and how long each scenario is: by default the whole bench takes about 21 minutes on 2
 * cores; {@code full} is the long one. Every load is bounded by a count and a time.
 *
 * @param runs measured runs of each scenario; with several, figures are medians
 * @param warmUp how long each node is warmed up before it is measured
 * @param httpRun how long each measured HTTP run sends
 * @param settle how long a node sends at a fixed rate, not counted, before that rate is measured
 * @param copyLoads loads of the same rows by COPY, into fresh tables each time; the median counts
 * @param kafkaEvents world events in each Kafka run's topic: about as long a run as an HTTP one
 * @param profileRun how long the profile records the HTTP load
 * @param heapRecords distinct records touched by the heap measurement: 2,000 locations × 500 SKUs
 * @param bodyBytes the body of the one huge POST, which streams for {@code bodyCap} at most
 * @param catalogEvents POS events of the high-cardinality catalog
 */
public record Sizes(
    boolean full,
    int runs,
    Duration warmUp,
    Duration httpRun,
    Duration settle,
    int copyLoads,
    long kafkaEvents,
    int kafkaWarmUpRecords,
    Duration profileRun,
    long heapRecords,
    long bodyBytes,
    Duration bodyCap,
    long busyLocationEvents,
    int snapshotPairs,
    int catalogEvents) {
  public static final long GIB = 1L << 30;

  public static Sizes of(
      boolean full, Integer runSeconds, Integer warmUpSeconds, Integer catalogEvents) {
    return new Sizes(
        full,
        full ? 3 : 1,
        // 45 s left the node's JIT compiling through the measured run: 31k events/s against 53k
        // after 90 s, in the same hour
        Duration.ofSeconds(warmUpSeconds != null ? warmUpSeconds : 90),
        Duration.ofSeconds(runSeconds != null ? runSeconds : full ? 60 : 30),
        Duration.ofSeconds(full ? 30 : 15),
        full ? 3 : 2,
        full ? 3_000_000 : 1_000_000,
        full ? 200_000 : 100_000,
        Duration.ofSeconds(full ? 60 : 25),
        1_000_000,
        full ? 10 * GIB : 2 * GIB,
        Duration.ofSeconds(full ? 180 : 90),
        full ? 1_200_000 : 600_000,
        full ? 2 : 1,
        catalogEvents != null ? catalogEvents : 1_000_000);
  }
}
