package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.check.CheckReport;
import io.shelfstream.simulations.check.Mismatch;
import io.shelfstream.simulations.emit.SendStats;
import io.shelfstream.simulations.noise.NoiseCounters;
import io.shelfstream.simulations.truth.GroundTruth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Everything a run reports, printed as text or as JSON. Counts the node gives per line (accepted,
 * duplicates, rejected, latency) are null when the transport does not acknowledge lines (Kafka,
 * file); the check's counts are null when nothing was checked.
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

  static final int EXIT_OK = 0;
  static final int EXIT_CHECK_FAILED = 1;
  static final int EXIT_RUN_FAILED = 3;

  /**
   * The summary and verdict of a run. The verdict holds every reason the run failed: a golden
   * record differing from ground truth, or an acknowledgement that contradicts what was sent.
   */
  static RunSummary of(
      Options options,
      SendStats stats,
      NoiseCounters noise,
      long worldEvents,
      double elapsed,
      boolean acknowledged,
      GroundTruth truth,
      CheckReport report) {
    List<String> verdict = new ArrayList<>();
    if (stats.failure() != null) {
      verdict.add("the run could not complete: " + stats.failure());
    }
    if (report != null && report.mismatches() > 0) {
      verdict.add(report.mismatches() + " golden records differ from ground truth");
    }
    if (acknowledged) {
      verdict.addAll(stats.contradictions());
    }
    int exitCode =
        stats.failure() != null ? EXIT_RUN_FAILED : verdict.isEmpty() ? EXIT_OK : EXIT_CHECK_FAILED;
    Map<String, Long> malformedByKind = new TreeMap<>();
    noise.malformedByKind().forEach((kind, count) -> malformedByKind.put(kind.name(), count));
    return new RunSummary(
        verdict.isEmpty(),
        exitCode,
        transport(options),
        options.world().seed(),
        worldEvents,
        stats.sent(),
        stats.malformedSent(),
        stats.resent(),
        noise.conflictingEventsAdded(),
        noise.heldLate(),
        noise.reordered(),
        acknowledged ? stats.accepted() : null,
        acknowledged ? stats.duplicates() : null,
        acknowledged ? stats.rejected() : null,
        stats.validRejected(),
        stats.malformedNotRejected(),
        stats.unacknowledged(),
        stats.retried(),
        elapsed,
        elapsed > 0 ? stats.sent() / elapsed : 0,
        latency(stats.latencySnapshot()),
        (long) truth.inventoryRecords(),
        (long) truth.storeRecords(),
        report == null ? null : report.mismatches(),
        report == null ? List.of() : report.firstMismatches(),
        malformedByKind,
        stats.anomalies(),
        stats.failure(),
        verdict);
  }

  private static Latency latency(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return null;
    }
    return new Latency(
        micros.getValueAtPercentile(50) / 1000.0,
        micros.getValueAtPercentile(95) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0,
        micros.getMaxValue() / 1000.0,
        micros.getTotalCount());
  }

  private static String transport(Options options) {
    if (options.out() != null) {
      return "file " + options.out();
    }
    if (options.viaKafka()) {
      return "kafka " + options.kafkaBootstrap() + " topic " + options.kafkaTopic();
    }
    return options.mode().name().toLowerCase() + " over HTTP to " + options.target();
  }

  /** A short human-readable report. */
  String text() {
    RunSummary s = this;
    StringBuilder out = new StringBuilder();
    out.append(String.format("Shelfstream simulation: %s, seed %d%n", s.transport(), s.seed()));
    line(out, "world events", String.format("%,d", s.worldEvents()));
    line(
        out,
        "lines sent",
        String.format(
            "%,d (%,d malformed, %,d re-sent, %,d contradicting events added, %,d held late, %,d moved out of order)",
            s.linesSent(),
            s.malformedSent(),
            s.resent(),
            s.conflictingEventsAdded(),
            s.heldLate(),
            s.reordered()));
    if (s.accepted() != null) {
      line(
          out,
          "acknowledged",
          String.format(
              "accepted %,d, duplicates %,d, rejected %,d (%,d lines sent again: not durable)",
              s.accepted(), s.duplicates(), s.rejected(), s.linesRetried()));
    }
    line(
        out,
        "throughput",
        String.format("%,.0f lines/s over %.1f s", s.linesPerSecond(), s.elapsedSeconds()));
    if (s.ackLatencyMillis() != null) {
      Latency l = s.ackLatencyMillis();
      line(
          out,
          "ack latency",
          String.format(
              "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
              l.p50(), l.p95(), l.p99(), l.max()));
    }
    if (s.mismatches() != null) {
      line(
          out,
          "golden records",
          String.format(
              "%,d inventory and %,d store records checked, %,d mismatches",
              s.inventoryRecords(), s.storeRecords(), s.mismatches()));
    } else {
      line(
          out,
          "golden records",
          String.format(
              "%,d inventory and %,d store records expected (not checked)",
              s.inventoryRecords(), s.storeRecords()));
    }
    for (Mismatch mismatch : s.firstMismatches()) {
      out.append("    ").append(mismatch).append(System.lineSeparator());
    }
    if (!s.anomalies().isEmpty()) {
      line(out, "anomalies", "");
      s.anomalies()
          .forEach(anomaly -> out.append("    ").append(anomaly).append(System.lineSeparator()));
    }
    line(out, "verdict", s.ok() ? "OK" : "FAILED");
    s.verdict().forEach(reason -> out.append("    ").append(reason).append(System.lineSeparator()));
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format("  %-15s %s%n", label, value));
  }
}
