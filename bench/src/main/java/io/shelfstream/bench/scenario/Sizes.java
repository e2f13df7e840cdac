package io.shelfstream.bench.scenario;

import java.time.Duration;

/**
 * How big and how long each scenario is: the default fits the whole bench in about 15 minutes on 2
 * cores, {@code --full} is the long one (3 runs each, a 10 GiB POST). Every load is bounded by a
 * count and by one of these durations.
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
    int heapLocations,
    long bodyBytes,
    Duration bodyCap,
    long busyLocationEvents,
    int snapshotPairs) {

  public static final long GIB = 1L << 30;
  public static final String NODE_HEAP = "-Xmx2g";

  public static Sizes of(boolean full) {
    return full
        ? new Sizes(
            true,
            3,
            Duration.ofSeconds(90),
            Duration.ofSeconds(60),
            Duration.ofSeconds(30),
            3,
            3_000_000,
            200_000,
            Duration.ofSeconds(60),
            2_000,
            10 * GIB,
            Duration.ofMinutes(3),
            1_200_000,
            2)
        : new Sizes(
            false,
            1,
            Duration.ofSeconds(45),
            Duration.ofSeconds(30),
            Duration.ofSeconds(15),
            2,
            1_500_000,
            100_000,
            Duration.ofSeconds(25),
            2_000,
            2 * GIB,
            Duration.ofSeconds(90),
            600_000,
            1);
  }

  /** With the length of every HTTP run and warm-up set by hand (to try the bench quickly). */
  public Sizes withSeconds(Integer runSeconds, Integer warmUpSeconds) {
    return new Sizes(
        full,
        runs,
        warmUpSeconds == null ? warmUp : Duration.ofSeconds(warmUpSeconds),
        runSeconds == null ? httpRun : Duration.ofSeconds(runSeconds),
        settle,
        copyLoads,
        kafkaEvents,
        kafkaWarmUpRecords,
        profileRun,
        heapLocations,
        bodyBytes,
        bodyCap,
        busyLocationEvents,
        snapshotPairs);
  }

  public long heapRecords() {
    return heapLocations * 500L;
  }
}
