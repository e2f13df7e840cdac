package io.shelfstream.simulations.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big and how long each benchmark is, for a full run (50-80 minutes on 2 cores, depending on
 * the host) or a quick one (a few minutes). Every load loop is bounded by a count and by one of
 * these durations.
 *
 * @param httpRun length of each measured HTTP run
 * @param warmUp how long each node is warmed up before it is measured (see NodeWarmUp)
 * @param warmUpMore how much longer at most, while the node's JIT compilers are still busy (see
 *     HttpRuns#warmUp); zero when the warm-up's length was chosen with --warm-up
 * @param fixedRateRun length of the fixed-rate latency run
 * @param settle how long a node sends at the fixed rate, not counted, before that run
 * @param kafkaEvents world events produced into Kafka per measured run: enough for about as long a
 *     run as an HTTP one (a minute at 50k events/s), so that the consumer's start and the last
 *     commit (about 1.5 s) weigh little
 * @param heapLocations locations of the heap benchmark, each with {@link #heapSkus} SKUs
 * @param heapCap how long the heap benchmark may send before it measures what it reached
 * @param bodyBytes NDJSON streamed in one POST by the resident-memory benchmark
 * @param bodyCap how long that stream may last
 * @param workingSet distinct events the streamed body repeats
 * @param busyLocationEvents events of each run of the snapshot benchmark (BusyLocationLoad)
 */
record Sizes(
    Duration httpRun,
    Duration warmUp,
    Duration warmUpMore,
    Duration fixedRateRun,
    Duration settle,
    long kafkaEvents,
    int heapLocations,
    int heapSkus,
    Duration heapCap,
    long bodyBytes,
    Duration bodyCap,
    int workingSet,
    long busyLocationEvents) {

  static final long GIB = 1L << 30;
  static final String NODE_HEAP = "-Xmx2g";

  /** Extra JVM options for every node the bench starts, to try a setting: space-separated. */
  static final String NODE_OPTIONS_VARIABLE = "SHELFSTREAM_BENCH_NODE_OPTS";

  static List<String> nodeJvmOptionsFromEnvironment() {
    String options = System.getenv(NODE_OPTIONS_VARIABLE);
    return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
  }

  static Sizes of(BenchOptions options) {
    boolean quick = options.quick();
    Duration run =
        Duration.ofSeconds(options.seconds() != null ? options.seconds() : quick ? 10 : 60);
    double bodyGib = options.bodyGib() != null ? options.bodyGib() : quick ? 0.2 : 10;
    return new Sizes(
        run,
        Duration.ofSeconds(
            options.warmUpSeconds() != null ? options.warmUpSeconds() : quick ? 5 : 90),
        Duration.ofSeconds(options.warmUpSeconds() != null || quick ? 0 : 90),
        quick ? Duration.ofSeconds(8) : Duration.ofSeconds(60),
        quick ? Duration.ofSeconds(3) : Duration.ofSeconds(30),
        quick ? 8_000 : 3_000_000,
        quick ? 100 : 2_000,
        500,
        quick ? Duration.ofMinutes(2) : Duration.ofMinutes(8),
        (long) (bodyGib * GIB),
        quick ? Duration.ofSeconds(60) : Duration.ofMinutes(3),
        quick ? 1_000 : 20_000,
        quick ? 40_000 : 1_200_000);
  }

  long heapEntities() {
    return (long) heapLocations * heapSkus;
  }
}
