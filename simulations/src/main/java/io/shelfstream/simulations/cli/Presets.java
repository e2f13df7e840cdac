package io.shelfstream.simulations.cli;

import java.util.Map;

/** Named sets of defaults; options given explicitly on the command line win over them. */
final class Presets {

  /**
   * The demo: at least 100k POS events over 20 stores x 500 SKUs, with about 3% duplicates, a
   * shuffled order and about 1% malformed lines.
   */
  private static final Map<String, String> DEMO =
      Map.of(
          "stores", "20",
          "products", "500",
          "events", "120000",
          "duplicates", "3",
          "out-of-order", "30",
          "malformed", "1",
          "seed", "2026");

  private Presets() {}

  static void apply(String name, Map<String, String> values) throws OptionError {
    if (!name.equals("demo")) {
      throw new OptionError("--preset must be demo, got \"" + name + "\"");
    }
    DEMO.forEach(values::putIfAbsent);
  }
}
