package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.check.CheckReport;
import io.shelfstream.simulations.emit.SendStats;
import io.shelfstream.simulations.noise.NoiseCounters;
import io.shelfstream.simulations.truth.GroundTruth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Turns a run's counters into its summary and verdict. The verdict holds every reason the run
 * failed: a golden record differing from ground truth, or an acknowledgement that contradicts what
 * was sent (every malformed line must be rejected, and no valid line may be). Duplicate counts are
 * only reported: the node may have forgotten an old id, as docs/golden-record.md allows.
 */
final class SummaryBuilder {

  static final int EXIT_OK = 0;
  static final int EXIT_CHECK_FAILED = 1;
  static final int EXIT_RUN_FAILED = 3;

  private SummaryBuilder() {}

  static RunSummary build(
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
      long counted = stats.accepted() + stats.duplicates() + stats.rejected();
      if (counted != stats.sent()) {
        verdict.add("the node acknowledged " + counted + " lines of " + stats.sent() + " sent");
      }
      if (stats.rejected() != stats.malformedSent()) {
        verdict.add(
            "the node rejected "
                + stats.rejected()
                + " lines, but "
                + stats.malformedSent()
                + " malformed lines were sent");
      }
      if (stats.validRejected() > 0) {
        verdict.add(stats.validRejected() + " valid lines were rejected");
      }
      if (stats.malformedNotRejected() > 0) {
        verdict.add(stats.malformedNotRejected() + " malformed lines were not rejected");
      }
      if (stats.unacknowledged() > 0) {
        verdict.add(stats.unacknowledged() + " lines were never acknowledged");
      }
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

  private static RunSummary.Latency latency(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return null;
    }
    return new RunSummary.Latency(
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
}
