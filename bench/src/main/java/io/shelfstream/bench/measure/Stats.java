package io.shelfstream.bench.measure;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Medians of a few runs, and how the report writes them: the median, then every run. */
public final class Stats {
  private Stats() {}

  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** "71,175" for one run; "71,175 (runs: 69,625 / 71,175 / 75,106)" for several. */
  public static String describe(List<Double> values, String format) {
    String median = format(format, median(values));
    if (values.size() < 2) {
      return median;
    }
    return median
        + values.stream()
            .map(value -> format(format, value))
            .collect(Collectors.joining(" / ", " (runs: ", ")"));
  }

  public static String format(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
