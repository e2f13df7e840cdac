package io.shelfstream.bench.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

  private static final List<String> RATIOS =
      List.of(
          "drainRateFromFirst",
          "drainRateFromStart",
          "cpuPerEventFromFirst",
          "cpuPerEventFromStart");

  /**
   * Shelfstream ÷ peer for each Shelfstream target and round, against the peer of the same round:
   * events/s (higher is better) and CPU µs/event (lower); then the median of each over the rounds.
   */
  static Map<String, Map<String, Double>> ratios(List<TargetResult> results) {
    Map<String, Map<String, Double>> ratios = new LinkedHashMap<>();
    Map<String, Map<String, List<Double>>> byTarget = new TreeMap<>();
    for (TargetResult result : results) {
      TargetResult peer =
          results.stream()
              .filter(r -> r.target().equals(PeerTarget.NAME) && r.round() == result.round())
              .findFirst()
              .orElse(null);
      if (peer == null || result == peer) {
        continue;
      }
      Map<String, Double> ratio = new LinkedHashMap<>();
      ratio.put(
          "drainRateFromFirst", rate(result.drain().fromFirst()) / rate(peer.drain().fromFirst()));
      ratio.put(
          "drainRateFromStart", rate(result.drain().fromStart()) / rate(peer.drain().fromStart()));
      ratio.put(
          "cpuPerEventFromFirst",
          total(result.drain().fromFirst()) / total(peer.drain().fromFirst()));
      ratio.put(
          "cpuPerEventFromStart",
          total(result.drain().fromStart()) / total(peer.drain().fromStart()));
      ratios.put("round " + result.round() + ": " + result.target() + " / peer", ratio);
      ratio.forEach(
          (name, value) ->
              byTarget
                  .computeIfAbsent(result.target(), target -> new LinkedHashMap<>())
                  .computeIfAbsent(name, key -> new ArrayList<>())
                  .add(value));
    }
    byTarget.forEach(
        (target, values) -> {
          Map<String, Double> median = new LinkedHashMap<>();
          RATIOS.forEach(name -> median.put(name, median(values.get(name))));
          ratios.put("median: " + target + " / peer", median);
        });
    return ratios;
  }

  private static double rate(CpuWindow.Share share) {
    return share.eventsPerSecond();
  }

  private static double total(CpuWindow.Share share) {
    return share.microsPerEvent().get("total");
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
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
                    + " one after the other, on the same events; each round starts them in another order.%n%n",
                shape.skuSkew(), shape.locationSkew(), shape.seed(), distinct, machine));
    md.append(
        "| round | target | events/s from first write | events/s from start | drain s | CPU µs/event total |");
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
              "| %d | %s | %,.0f | %,.0f | %.1f | %.1f |",
              result.round(),
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
          "| Shelfstream ÷ peer of the same round | drain rate from first | drain rate from start | CPU per event from first | CPU per event from start |\n");
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
