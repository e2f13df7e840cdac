package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.noise.NoiseSpec;
import io.shelfstream.simulations.world.WorldSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line as picocli reads it, in the sections {@code --help} shows; {@link Options#from}
 * checks what no option can check alone.
 */
final class CommandLineOptions {

  static final class Destination {
    @Option(
        names = "--target",
        paramLabel = "URI",
        converter = HttpUri.class,
        description = "send over HTTP to this node, then check its golden records")
    URI target;

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description =
            "the node's API token or JWT, sent as Authorization: Bearer (default: the"
                + " SHELFSTREAM_TOKEN environment variable); it needs the ingest and read roles,"
                + " e.g. an admin token")
    String token;

    @Option(
        names = "--kafka",
        paramLabel = "HOSTS",
        description = "produce to Kafka instead (--target still names the node to check)")
    String kafka;

    @Option(names = "--topic", paramLabel = "T", description = "the Kafka topic, with --kafka")
    String topic;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "write the NDJSON stream to FILE instead of sending")
    Path out;
  }

  static final class World {
    @Option(
        names = "--seed",
        paramLabel = "S",
        description = "random seed (default 1); same seed and sizes, same stream")
    long seed = 1;

    @Option(names = "--stores", paramLabel = "N", description = "stores (default 15)")
    int stores = 15;

    @Option(names = "--products", paramLabel = "N", description = "products (default 500)")
    int products = 500;

    @Option(names = "--days", paramLabel = "N", description = "days to simulate (default 365)")
    int days = 365;

    @Option(
        names = "--start",
        paramLabel = "DATE",
        description = "first day, ISO date (default 2026-01-01)")
    LocalDate start = WorldSpec.DEFAULT_START;

    @Option(
        names = "--events",
        paramLabel = "N",
        description = "stop after N world events, adding days if needed (overrides --days)")
    Long events;
  }

  static final class Noise {
    @Option(
        names = "--duplicates",
        paramLabel = "P",
        description = "re-send P%% of the lines later")
    int duplicates;

    @Option(
        names = "--malformed",
        paramLabel = "P",
        description = "add a broken line before P%% of the lines (each must be rejected)")
    int malformed;

    @Option(
        names = "--out-of-order",
        paramLabel = "P",
        description = "move P%% of the events later, within --reorder-window lines")
    int outOfOrder;

    @Option(
        names = "--late",
        paramLabel = "P",
        description = "hold P%% of the movements until a newer count of their SKU was sent")
    int late;

    @Option(
        names = "--conflicts",
        paramLabel = "P",
        description = "contradict P%% of counts and store updates from other sources")
    int conflicts;

    @Option(
        names = "--reorder-window",
        paramLabel = "N",
        description = "furthest an out-of-order event moves, in lines (default 2000)")
    int reorderWindow = NoiseSpec.NONE.reorderWindow();

    @Option(
        names = "--duplicate-window",
        paramLabel = "N",
        description = "furthest a duplicate follows its original, in lines (default 5000)")
    int duplicateWindow = NoiseSpec.NONE.duplicateWindow();

    @Option(
        names = "--burst",
        description = "send in bursts (1 s at 5x the rate, then 4 s of silence)")
    boolean burst;
  }

  static final class Sending {
    @Option(
        names = "--mode",
        paramLabel = "batch|stream|mixed",
        description = "HTTP batches, streaming tills, or half of each (default batch)")
    Mode mode = Mode.BATCH;

    @Option(
        names = "--tills",
        paramLabel = "C",
        description = "concurrent tills / batch senders (default 4)")
    int tills = 4;

    @Option(
        names = "--batch",
        paramLabel = "N",
        description = "lines per HTTP batch (default 1000)")
    int batch = 1000;

    @Option(
        names = "--rate",
        paramLabel = "R",
        description = "target lines per second overall, 0 = as fast as possible (default 0)")
    double rate;

    @Option(
        names = "--prepare",
        description =
            "generate every line before sending (ground truth is fed after), so that the node,"
                + " not the generator, sets the pace; needs --events (at most 5000000)")
    boolean prepare;

    @Option(
        names = "--settle-timeout",
        paramLabel = "S",
        description =
            "seconds to re-check mismatching records (default 120 with Kafka, 5 over HTTP)")
    Long settleTimeout;
  }

  static final class Output {
    @Option(
        names = "--truth",
        paramLabel = "FILE",
        description = "also write the expected golden records as JSON")
    Path truth;

    @Option(
        names = "--policies",
        paramLabel = "FILE",
        description =
            "policies JSON to use instead of the node's (with --out: the documented defaults)")
    Path policies;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Option(
        names = "--preset",
        paramLabel = "demo",
        description =
            "20 stores x 500 SKUs, 100000 events, 3%% duplicates, 30%% out of order, 1%% malformed,"
                + " 2 senders of 250-line batches, seed 2026; explicit options override it")
    String preset;
  }

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help")
  boolean help;

  @ArgGroup(validate = false, heading = "%nWhere the lines go (one of):%n")
  Destination destination = new Destination();

  @ArgGroup(validate = false, heading = "%nWorld:%n")
  World world = new World();

  @ArgGroup(validate = false, heading = "%nNoise (percent of world events, default 0):%n")
  Noise noise = new Noise();

  @ArgGroup(validate = false, heading = "%nSending:%n")
  Sending sending = new Sending();

  @ArgGroup(validate = false, heading = "%nOutput:%n")
  Output output = new Output();

  /** The node's base URI: only plain http, and a host is needed to connect. */
  static final class HttpUri implements ITypeConverter<URI> {
    @Override
    public URI convert(String text) {
      String expected =
          "must be an http:// URI with a host, e.g. http://127.0.0.1:8080, got \"" + text + "\"";
      try {
        URI uri = new URI(text);
        if ("http".equals(uri.getScheme()) && uri.getHost() != null) {
          return uri;
        }
      } catch (java.net.URISyntaxException e) {
        throw new TypeConversionException(expected + " (" + e.getReason() + ")");
      }
      throw new TypeConversionException(expected);
    }
  }
}
