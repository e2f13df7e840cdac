package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.emit.Bearer;
import io.shelfstream.simulations.noise.MalformedKind;
import io.shelfstream.simulations.noise.NoiseSpec;
import io.shelfstream.simulations.world.WorldSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * A validated command line.
 *
 * @param target the node's base URI; null when writing to a file
 * @param events stop after this many world events (null: run {@code world.days()} days)
 * @param settleTimeout how long mismatching records are re-checked before they count
 * @param prepare generate every line before the clock starts, and feed ground truth after it, so
 *     that sending runs at the node's pace rather than the generator's
 */
public record Options(
    WorldSpec world,
    Long events,
    NoiseSpec noise,
    boolean burst,
    URI target,
    Mode mode,
    int tills,
    int batch,
    double rate,
    String kafkaBootstrap,
    String kafkaTopic,
    Path out,
    Path truthFile,
    Path policiesFile,
    Duration settleTimeout,
    boolean json,
    boolean prepare,
    Bearer bearer) {

  static final long MAX_PREPARED_EVENTS = 5_000_000;

  /**
   * {@code --preset demo}, for options not given: 100k POS events over 20 stores x 500 SKUs, about
   * 3% duplicates, a shuffled order, about 1% malformed lines. Two senders of 250-line batches keep
   * about 500 lines in flight, which one node on embedded H2 absorbs without overflowing its
   * journal queue. Values have the types of the options' fields.
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

  public boolean sendsToNode() {
    return out == null;
  }

  public boolean viaKafka() {
    return kafkaBootstrap != null;
  }

  /**
   * The malformed kinds this run sends: over Kafka a line without eventId is valid (the node gives
   * it the record's position as id), so it is not sent as malformed there.
   */
  public Set<MalformedKind> malformedKinds() {
    return viaKafka() ? MalformedKind.withIdsFromTransport() : MalformedKind.all();
  }

  /**
   * Applies the preset to the options not given, then checks what no option can check alone.
   *
   * @throws ParameterException naming the option at fault and why
   */
  static Options from(CommandLineOptions cli, CommandLine commandLine) {
    ParseResult parsed = commandLine.getParseResult();
    // picocli lets an option of an argument group be repeated, and the last one would win
    Set<OptionSpec> seen = new HashSet<>();
    for (OptionSpec option : parsed.matchedOptions()) {
      require(seen.add(option), option.longestName() + " is given twice", commandLine);
    }
    if (cli.output.preset != null) {
      require(
          cli.output.preset.equals("demo"),
          "--preset must be demo, got \"" + cli.output.preset + "\"",
          commandLine);
      DEMO.forEach(
          (option, value) -> {
            if (!parsed.hasMatchedOption(option)) {
              commandLine.getCommandSpec().findOption(option).setValue(value);
            }
          });
    }
    CommandLineOptions.Destination to = cli.destination;
    CommandLineOptions.Sending sending = cli.sending;
    Long events = cli.world.events;
    require(
        to.out == null || (to.target == null && to.kafka == null),
        "--out writes the stream to a file instead of sending it: drop --target/--kafka,"
            + " or drop --out",
        commandLine);
    require(
        to.out != null || to.target != null,
        "--target is required (the node to send to and check), or --out FILE to write the"
            + " stream instead",
        commandLine);
    require(to.kafka != null || to.topic == null, "--topic needs --kafka HOSTS", commandLine);
    require(to.topic != null || to.kafka == null, "--kafka needs --topic NAME", commandLine);
    require(
        to.kafka == null || !parsed.hasMatchedOption("--mode"),
        "--mode applies to HTTP only: with --kafka every line is one Kafka record",
        commandLine);
    require(
        sending.mode != Mode.MIXED || sending.tills >= 2,
        "--mode mixed needs --tills 2 or more (half stream, half batch), got " + sending.tills,
        commandLine);
    require(
        !sending.prepare || (events != null && events <= MAX_PREPARED_EVENTS),
        "--prepare generates every line before sending: it needs --events N, at most "
            + MAX_PREPARED_EVENTS
            + " (about 500 bytes of memory each)",
        commandLine);
    require(events == null || events >= 1, "--events must be at least 1", commandLine);
    require(
        sending.tills >= 1 && sending.tills <= 10_000,
        "--tills must be between 1 and 10000, got " + sending.tills,
        commandLine);
    require(sending.batch >= 1, "--batch must be at least 1, got " + sending.batch, commandLine);
    require(
        sending.rate >= 0 && !Double.isInfinite(sending.rate),
        "--rate must be a number >= 0 (0 = as fast as possible), got " + sending.rate,
        commandLine);
    require(
        sending.settleTimeout == null || sending.settleTimeout >= 0,
        "--settle-timeout must be 0 or more seconds, got " + sending.settleTimeout,
        commandLine);
    long settle =
        sending.settleTimeout != null ? sending.settleTimeout : to.kafka != null ? 120 : 5;
    CommandLineOptions.World size = cli.world;
    CommandLineOptions.Noise knobs = cli.noise;
    WorldSpec world;
    NoiseSpec noise;
    try { // the specs name their fields as the options do: their errors only lack the dashes
      world = new WorldSpec(size.seed, size.stores, size.products, size.days, size.start);
      noise =
          new NoiseSpec(
              knobs.duplicates,
              knobs.malformed,
              knobs.outOfOrder,
              knobs.late,
              knobs.conflicts,
              knobs.reorderWindow,
              knobs.duplicateWindow,
              NoiseSpec.NONE.lateHoldLimit());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, "--" + e.getMessage(), e);
    }
    return new Options(
        world,
        events,
        noise,
        cli.noise.burst,
        to.target,
        sending.mode,
        sending.tills,
        sending.batch,
        sending.rate,
        to.kafka,
        to.topic,
        to.out,
        cli.output.truth,
        cli.output.policies,
        Duration.ofSeconds(settle),
        cli.output.json,
        sending.prepare,
        new Bearer(
            Optional.ofNullable(to.token != null ? to.token : System.getenv("SHELFSTREAM_TOKEN"))
                .filter(token -> !token.isBlank())));
  }

  private static void require(boolean condition, String otherwise, CommandLine commandLine) {
    if (!condition) {
      throw new ParameterException(commandLine, otherwise);
    }
  }
}
