package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.check.Mismatch;

/** The summary as a short human-readable report. */
final class SummaryText {

  private SummaryText() {}

  static String render(RunSummary s) {
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
      RunSummary.Latency l = s.ackLatencyMillis();
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
