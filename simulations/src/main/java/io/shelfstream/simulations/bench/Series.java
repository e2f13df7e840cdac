package io.shelfstream.simulations.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One figure measured once per run: every run's value, and their median. */
final class Series {

  private final List<Double> values = new ArrayList<>();

  static Series of(List<Double> values) {
    Series series = new Series();
    values.forEach(series::add);
    return series;
  }

  void add(double value) {
    values.add(value);
  }

  List<Double> values() {
    return List.copyOf(values);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  double median() {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** "1,234 (1,200 / 1,234 / 1,300)": the median, then every run in order. */
  String describe(String format) {
    if (values.isEmpty()) {
      return "n/a";
    }
    List<String> runs = values.stream().map(value -> format(format, value)).toList();
    return format(format, median()) + " (runs: " + String.join(" / ", runs) + ")";
  }

  static String format(String format, double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
  }
}
