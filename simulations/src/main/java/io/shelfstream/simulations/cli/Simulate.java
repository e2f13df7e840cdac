package io.shelfstream.simulations.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.apache.kafka.common.KafkaException;

/** The simulator's command line: {@code simulate --help} says how to use it. */
public final class Simulate {

  static final int EXIT_BAD_OPTIONS = 2;

  private Simulate() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (OptionsParser.wantsHelp(args)) {
      out.print(Usage.TEXT);
      return SummaryBuilder.EXIT_OK;
    }
    Options options;
    try {
      options = OptionsParser.parse(args);
    } catch (OptionError e) {
      err.println("simulate: " + e.getMessage());
      return EXIT_BAD_OPTIONS;
    }
    // kafka-clients logs through slf4j-simple: keep its chatter to warnings
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    try {
      RunSummary summary = new Simulation(options, err).run();
      out.print(options.json() ? json(summary) : SummaryText.render(summary));
      out.flush();
      return summary.exitCode();
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException
        | KafkaException e) {
      err.println("simulate: " + e.getMessage());
      return SummaryBuilder.EXIT_RUN_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("simulate: interrupted");
      return SummaryBuilder.EXIT_RUN_FAILED;
    }
  }

  private static String json(RunSummary summary) throws JsonProcessingException {
    return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary)
        + System.lineSeparator();
  }
}
