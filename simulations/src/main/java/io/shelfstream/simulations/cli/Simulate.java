package io.shelfstream.simulations.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The simulator's command line: {@code simulate --help} says how to use it. */
@Command(
    name = "simulate",
    sortOptions = false,
    usageHelpWidth = 100,
    customSynopsis = {
      "simulate --target http://HOST:PORT [options]",
      "       simulate --out FILE [--truth FILE] [options]",
      "       simulate --preset demo --target http://HOST:PORT",
      ""
    },
    description = {
      "Floods a Shelfstream node with synthetic POS traffic, then checks every golden record"
          + " against ground truth computed from the lines actually sent."
    },
    optionListHeading = "%n",
    footerHeading = "%n",
    footer = {
      "Exit code: 0 when every record matches and every acknowledgement is as expected,"
          + " 1 when the check fails, 2 on a bad command line, 3 when the run could not complete."
    })
public final class Simulate implements Callable<Integer> {

  static final int EXIT_BAD_OPTIONS = 2;

  @Mixin private CommandLineOptions commandLine;
  @Spec private CommandSpec spec;
  private final PrintStream out;
  private final PrintStream err;

  private Simulate(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return new CommandLine(new Simulate(out, err))
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .setParameterExceptionHandler(Simulate::badOptions)
        .execute(args);
  }

  private static int badOptions(ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("simulate: " + e.getMessage());
    if (e instanceof UnmatchedArgumentException unmatched) {
      UnmatchedArgumentException.printSuggestions(unmatched, err);
    }
    err.println("simulate --help lists every option.");
    return EXIT_BAD_OPTIONS;
  }

  @Override
  public Integer call() {
    Options options = Options.from(commandLine, spec.commandLine());
    // kafka-clients logs through slf4j-simple: keep its chatter to warnings
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    try {
      RunSummary summary = new Simulation(options, err).run();
      out.print(options.json() ? json(summary) : summary.text());
      out.flush();
      return summary.exitCode();
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException
        | KafkaException e) {
      err.println("simulate: " + e.getMessage());
      return RunSummary.EXIT_RUN_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("simulate: interrupted");
      return RunSummary.EXIT_RUN_FAILED;
    }
  }

  private static String json(RunSummary summary) throws JsonProcessingException {
    return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary)
        + System.lineSeparator();
  }
}
