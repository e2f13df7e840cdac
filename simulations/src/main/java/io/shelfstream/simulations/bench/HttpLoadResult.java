package io.shelfstream.simulations.bench;

import java.util.List;

/**
 * What an HTTP run measured.
 *
 * @param seconds wall time from the first line sent to the last acknowledgement
 * @param generatingSeconds time the harness spent generating lines during the run, beyond those
 *     prepared before it: far below {@code seconds} means the simulator was not the bottleneck
 * @param anomalies lines whose acknowledgement contradicts what was sent (valid line rejected,
 *     malformed one accepted, line never acknowledged)
 */
record HttpLoadResult(
    long sent,
    long malformedSent,
    long accepted,
    long duplicates,
    long rejected,
    long retried,
    long anomalies,
    double seconds,
    double generatingSeconds,
    Latency ackLatencyMillis,
    String failure,
    List<String> anomalyDetails) {

  /** Latency from a batch's POST to its answer, counted once per line of the batch. */
  record Latency(double p50, double p99, double max) {}

  double acceptedPerSecond() {
    return seconds > 0 ? accepted / seconds : 0;
  }

  /** Every line answered as sent: malformed lines rejected, valid ones not, none missing. */
  boolean acknowledgementsAsExpected() {
    return failure == null
        && anomalies == 0
        && rejected == malformedSent
        && accepted + duplicates + rejected == sent;
  }
}
