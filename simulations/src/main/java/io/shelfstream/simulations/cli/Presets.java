package io.shelfstream.simulations.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Named sets of defaults; options given explicitly on the command line win over them. */
final class Presets {

  /**
   * The demo: 100k POS events over 20 stores x 500 SKUs, with about 3% duplicates, a shuffled order
   * and about 1% malformed lines. Two senders of 250-line batches keep about 500 lines in flight,
   * which a single node on embedded H2 absorbs without overflowing its journal queue. Values have
   * the types of the options' fields.
   */
  private static final Map<String, Object> DEMO =
      Map.of(
          "--stores", 20,
          "--products", 500,
          "--events", 100_000L,
          "--duplicates", 3,
          "--out-of-order", 30,
          "--malformed", 1,
          "--tills", 2,
          "--batch", 250,
          "--seed", 2026L);

  private Presets() {}

  static void apply(String name, CommandLine commandLine) {
    if (!name.equals("demo")) {
      throw new ParameterException(commandLine, "--preset must be demo, got \"" + name + "\"");
    }
    DEMO.forEach(
        (option, value) -> {
          if (!commandLine.getParseResult().hasMatchedOption(option)) {
            commandLine.getCommandSpec().findOption(option).setValue(value);
          }
        });
  }
}
