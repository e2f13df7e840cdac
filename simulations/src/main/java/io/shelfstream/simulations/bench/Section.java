package io.shelfstream.simulations.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark reports: Markdown blocks (paragraphs and tables, in order) for BENCHMARKS.md,
 * and raw values for the JSON file.
 */
final class Section {

  private final String id;
  private final String title;
  private final List<Object> blocks = new ArrayList<>();
  private final Map<String, Object> raw = new LinkedHashMap<>();
  private final List<String[]> summary = new ArrayList<>();

  Section(String id, String title) {
    this.id = id;
    this.title = title;
  }

  String id() {
    return id;
  }

  String title() {
    return title;
  }

  Section text(String format, Object... args) {
    blocks.add(args.length == 0 ? format : String.format(java.util.Locale.ROOT, format, args));
    return this;
  }

  Section table(Table table) {
    blocks.add(table);
    return this;
  }

  Section raw(String key, Object value) {
    raw.put(key, value);
    return this;
  }

  /** A line of the summary table at the top of the report: what, and the figure. */
  Section summary(String what, String figure) {
    summary.add(new String[] {what, figure});
    return this;
  }

  List<String[]> summary() {
    return summary;
  }

  Map<String, Object> raw() {
    return raw;
  }

  String markdown() {
    StringBuilder text = new StringBuilder("## ").append(title).append("\n\n");
    for (Object block : blocks) {
      text.append(block instanceof Table table ? table.markdown() : block + "\n").append("\n");
    }
    return text.toString();
  }
}
