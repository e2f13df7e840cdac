package io.shelfstream.simulations.cli;

import java.util.Map;

/** Named sets of defaults; options given explicitly on the command line win over them. */
final class Presets {

  /**
   * The demo: 100k POS events over 20 stores x 500 SKUs, with about 3% duplicates, a shuffled order
   * and about 1% malformed lines. Two senders of 250-line batches keep about 500 lines in flight,
   * which a single node on embedded H2 absorbs without overflowing its journal queue.
   */
  private static final Map<String, String> DEMO =
      Map.ofEntries(
          Map.entry("stores", "20"),
          Map.entry("products", "500"),
          Map.entry("events", "100000"),
          Map.entry("duplicates", "3"),
          Map.entry("out-of-order", "30"),
          Map.entry("malformed", "1"),
          Map.entry("tills", "2"),
          Map.entry("batch", "250"),
          Map.entry("seed", "2026"));

  private Presets() {}

  static void apply(String name, Map<String, String> values) throws OptionError {
    if (!name.equals("demo")) {
      throw new OptionError("--preset must be demo, got \"" + name + "\"");
    }
    DEMO.forEach(values::putIfAbsent);
  }
}
