package io.shelfstream.bench.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's figures as JSON (the data) and as the Markdown section BENCHMARKS.md takes. */
final class CatalogReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<String> PARTS =
      List.of("node", "connect", "broker", "postgres", "bench", "total", "other");

  private CatalogReport() {}

  static Map<String, Object> data(
      CatalogShape shape, long distinct, String machine, List<TargetResult> results) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("shape", shape);
    data.put("distinctRecords", distinct);
    data.put("machine", machine);
    data.put("targets", results);
    data.put("ratios", ratios(results));
    return data;
  }

  /**
   * Shelfstream ÷ peer for each Shelfstream target: events/s (higher is better), CPU µs/event
   * (lower).
   */
  static Map<String, Map<String, Double>> ratios(List<TargetResult> results) {
    Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
    TargetResult peer =
        results.stream().filter(r -> r.target().equals(PeerTarget.NAME)).findFirst().orElse(null);
    if (peer == null) {
      return ratios;
    }
    for (TargetResult result : results) {
      if (result == peer) {
        continue;
      }
      Map<String, Double> ratio = new LinkedHashMap<>();
      ratio.put(
          "drainRateFromFirst",
          result.drain().fromFirst().eventsPerSecond()
              / peer.drain().fromFirst().eventsPerSecond());
      ratio.put(
          "drainRateFromStart",
          result.drain().fromStart().eventsPerSecond()
              / peer.drain().fromStart().eventsPerSecond());
      ratio.put(
          "cpuPerEventFromFirst",
          result.drain().fromFirst().microsPerEvent().get("total")
              / peer.drain().fromFirst().microsPerEvent().get("total"));
      ratio.put(
          "cpuPerEventFromStart",
          result.drain().fromStart().microsPerEvent().get("total")
              / peer.drain().fromStart().microsPerEvent().get("total"));
      ratios.put(result.target() + " / peer", ratio);
    }
    return ratios;
  }

  static void writeJson(Path file, Map<String, Object> data) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), data);
  }

  static String markdown(
      CatalogShape shape, long distinct, String machine, List<TargetResult> results) {
    StringBuilder md = new StringBuilder();
    md.append("### High cardinality: ")
        .append(
            String.format(
                "%,d POS events over %,d locations × %,d SKUs",
                shape.events(), shape.locations(), shape.skus()))
        .append("\n\n")
        .append(
            String.format(
                "Zipf skew %.2f over SKUs and %.2f over locations, seed %d: %,d distinct SKU-location records;"
                    + " 85%% sales, 10%% returns, 5%% voids. %s. Each target on a fresh PostgreSQL schema and broker,"
                    + " one after the other, on the same events.%n%n",
                shape.skuSkew(), shape.locationSkew(), shape.seed(), distinct, machine));
    md.append(
        "| target | events/s from first write | events/s from start | drain s | CPU µs/event total |");
    for (String part : PARTS.subList(0, 5)) {
      md.append(' ').append(part).append(" |");
    }
    md.append(" other work | events/journal entry | records | sample check |\n");
    md.append("|---".repeat(15)).append("|\n");
    for (TargetResult result : results) {
      CpuWindow.Share first = result.drain().fromFirst();
      CpuWindow.Share start = result.drain().fromStart();
      md.append(
          String.format(
              "| %s | %,.0f | %,.0f | %.1f | %.1f |",
              result.target(),
              first.eventsPerSecond(),
              start.eventsPerSecond(),
              start.seconds(),
              first.microsPerEvent().get("total")));
      for (String part : PARTS.subList(0, 5)) {
        Double micros = first.microsPerEvent().get(part);
        md.append(micros == null ? " - |" : String.format(" %.1f |", micros));
      }
      md.append(String.format(" %.1f |", first.microsPerEvent().get("other")));
      md.append(
          result.journalEntries() > 0
              ? String.format(" %.1f |", result.eventsPerJournalEntry())
              : " - |");
      md.append(String.format(" %,d |", result.distinctRecords()));
      md.append(
          result.mismatches() == 0
              ? String.format(" %d of %d match |", result.sampled(), result.sampled())
              : String.format(" %d of %d DIFFER |", result.mismatches(), result.sampled()));
      md.append('\n');
    }
    md.append(
        "\nCPU per event is measured from the first event written to the last (/proc, all postgres processes);"
            + " \"from start\" counts from the integration's creation, the Connect worker's launch or the first POST.\n\n");
    Map<String, Map<String, Double>> ratios = ratios(results);
    if (!ratios.isEmpty()) {
      md.append(
          "| Shelfstream ÷ peer, same run | drain rate from first | drain rate from start | CPU per event from first | CPU per event from start |\n");
      md.append("|---|---|---|---|---|\n");
      ratios.forEach(
          (name, ratio) ->
              md.append(
                  String.format(
                      "| %s | %.2f× | %.2f× | %.2f× | %.2f× |%n",
                      name,
                      ratio.get("drainRateFromFirst"),
                      ratio.get("drainRateFromStart"),
                      ratio.get("cpuPerEventFromFirst"),
                      ratio.get("cpuPerEventFromStart"))));
      md.append("\nGoal (issue 24): drain rate ≥ 1.0× and CPU per event ≤ 1.0× the peer's.\n");
    }
    return md.toString();
  }
}
