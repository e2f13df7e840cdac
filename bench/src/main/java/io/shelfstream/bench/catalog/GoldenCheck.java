package io.shelfstream.bench.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/** Compares a node's golden records of the sample with the workload's own sums. */
final class GoldenCheck {

  record Outcome(int sampled, int mismatches, String firstMismatch) {
    static Outcome of(int sampled, int mismatches, String firstMismatch) {
      if (mismatches > 0) {
        Console.line(
            "  CHECK FAILED: %d of %d records differ; first: %s",
            mismatches, sampled, firstMismatch);
      } else {
        Console.line("  check: %d sampled records match the workload's sums", sampled);
      }
      return new Outcome(sampled, mismatches, firstMismatch);
    }
  }

  private GoldenCheck() {}

  static Outcome onNode(NodeApi api, List<RecordSample.Expected> sample)
      throws IOException, InterruptedException {
    int mismatches = 0;
    String first = null;
    for (RecordSample.Expected expected : sample) {
      JsonNode record = api.inventory(expected.locationId(), expected.sku());
      String problem = compare(expected, record);
      if (problem != null) {
        mismatches++;
        first = first == null ? problem : first;
      }
    }
    return Outcome.of(sample.size(), mismatches, first);
  }

  private static String compare(RecordSample.Expected expected, JsonNode record) {
    String key = expected.locationId() + "/" + expected.sku();
    if (record == null) {
      return key + ": no record (404)";
    }
    long onHand = record.path("onHand").asLong();
    int movements = record.path("provenance").path("movementsApplied").asInt();
    if (onHand != expected.onHand() || movements != expected.movements()) {
      return String.format(
          "%s: onHand %d, movements %d; the workload sums to %d over %d events",
          key, onHand, movements, expected.onHand(), expected.movements());
    }
    return null;
  }
}
