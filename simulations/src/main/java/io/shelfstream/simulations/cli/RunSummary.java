package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.check.Mismatch;
import java.util.List;
import java.util.Map;

/**
 * Everything a run reports, printed as text or as JSON for the benchmark harness. Counts the node
 * gives per line (accepted, duplicates, rejected, latency) are null when the transport does not
 * acknowledge lines (Kafka, file); the check's counts are null when nothing was checked.
 */
public record RunSummary(
    boolean ok,
    int exitCode,
    String transport,
    long seed,
    long worldEvents,
    long linesSent,
    long malformedSent,
    long resent,
    long conflictingEventsAdded,
    long heldLate,
    long reordered,
    Long accepted,
    Long duplicates,
    Long rejected,
    long validLinesRejected,
    long malformedLinesNotRejected,
    long linesUnacknowledged,
    long linesRetried,
    double elapsedSeconds,
    double linesPerSecond,
    Latency ackLatencyMillis,
    Long inventoryRecords,
    Long storeRecords,
    Long mismatches,
    List<Mismatch> firstMismatches,
    Map<String, Long> malformedByKind,
    List<String> anomalies,
    String failure,
    List<String> verdict) {

  /** Acknowledgement latency percentiles, in milliseconds. */
  public record Latency(double p50, double p95, double p99, double max, long lines) {}
}
