package io.shelfstream.simulations.cli;

import io.shelfstream.simulations.noise.NoiseSpec;
import io.shelfstream.simulations.world.WorldSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses and validates the command line; every error names the option at fault. */
public final class OptionsParser {

  static final long MAX_PREPARED_EVENTS = 5_000_000;

  private static final Set<String> FLAGS = Set.of("burst", "json", "help", "prepare");
  private static final Set<String> VALUED =
      Set.of(
          "target",
          "events",
          "rate",
          "tills",
          "mode",
          "batch",
          "seed",
          "stores",
          "products",
          "days",
          "start",
          "duplicates",
          "malformed",
          "out-of-order",
          "late",
          "conflicts",
          "reorder-window",
          "duplicate-window",
          "kafka",
          "topic",
          "settle-timeout",
          "out",
          "truth",
          "policies",
          "preset");

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private OptionsParser() {}

  /** Whether the command line asks for help (then nothing else is validated). */
  public static boolean wantsHelp(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  public static Options parse(String[] args) throws OptionError {
    OptionsParser parser = new OptionsParser();
    parser.read(args);
    return parser.build();
  }

  private void read(String[] args) throws OptionError {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new OptionError(
            "unexpected argument \"" + arg + "\": options start with -- (see --help)");
      }
      String name = arg.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (FLAGS.contains(name)) {
        if (value != null) {
          throw new OptionError("--" + name + " takes no value");
        }
        flags.add(name);
      } else if (VALUED.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new OptionError("--" + name + " needs a value");
          }
          value = args[++i];
        }
        if (values.put(name, value) != null) {
          throw new OptionError("--" + name + " is given twice");
        }
      } else {
        throw new OptionError("unknown option --" + name + " (see --help)");
      }
    }
    if (values.containsKey("preset")) {
      Presets.apply(values.get("preset"), values);
    }
  }

  private Options build() throws OptionError {
    WorldSpec world;
    try {
      world =
          new WorldSpec(
              longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE),
              intValue("stores", 15, 1, 999),
              intValue("products", 500, 1, 999_999),
              intValue("days", 365, 1, 100_000),
              date("start"));
    } catch (IllegalArgumentException e) {
      throw new OptionError("world: " + e.getMessage());
    }
    Long events = values.containsKey("events") ? longValue("events", 0, 1, Long.MAX_VALUE) : null;
    NoiseSpec noise =
        NoiseSpec.NONE
            .withDuplicates(intValue("duplicates", 0, 0, 100))
            .withMalformed(intValue("malformed", 0, 0, 100))
            .withOutOfOrder(intValue("out-of-order", 0, 0, 100))
            .withLate(intValue("late", 0, 0, 100))
            .withConflicts(intValue("conflicts", 0, 0, 100))
            .withReorderWindow(
                intValue("reorder-window", NoiseSpec.NONE.reorderWindow(), 1, 10_000_000))
            .withDuplicateWindow(
                intValue("duplicate-window", NoiseSpec.NONE.duplicateWindow(), 1, 10_000_000));
    Path out = path("out");
    URI target = values.containsKey("target") ? uri("target") : null;
    String kafka = values.get("kafka");
    String topic = values.get("topic");
    Mode mode = mode();
    int tills = intValue("tills", 4, 1, 10_000);
    checkDestination(out, target, kafka, topic, mode, tills);
    if (flags.contains("prepare") && (events == null || events > MAX_PREPARED_EVENTS)) {
      throw new OptionError(
          "--prepare generates every line before sending: it needs --events N, at most "
              + MAX_PREPARED_EVENTS
              + " (about 500 bytes of memory each)");
    }
    Duration settle =
        Duration.ofSeconds(longValue("settle-timeout", kafka != null ? 120 : 5, 0, 86_400));
    return new Options(
        world,
        events,
        noise,
        flags.contains("burst"),
        target,
        mode,
        tills,
        intValue("batch", 1000, 1, 1_000_000),
        doubleValue("rate", 0),
        kafka,
        topic,
        out,
        path("truth"),
        path("policies"),
        settle,
        flags.contains("json"),
        flags.contains("prepare"));
  }

  private void checkDestination(
      Path out, URI target, String kafka, String topic, Mode mode, int tills) throws OptionError {
    if (out != null && (target != null || kafka != null)) {
      throw new OptionError(
          "--out writes the stream to a file instead of sending it: drop --target/--kafka, or drop --out");
    }
    if (out == null && target == null) {
      throw new OptionError(
          "--target is required (the node to send to and check), or --out FILE to write the stream instead");
    }
    if ((kafka == null) != (topic == null)) {
      throw new OptionError(
          kafka == null ? "--topic needs --kafka BOOTSTRAP_SERVERS" : "--kafka needs --topic NAME");
    }
    if (kafka != null && values.containsKey("mode")) {
      throw new OptionError(
          "--mode applies to HTTP only: with --kafka every line is one Kafka record");
    }
    if (mode == Mode.MIXED && tills < 2) {
      throw new OptionError(
          "--mode mixed needs --tills 2 or more (half stream, half batch), got " + tills);
    }
  }

  private Mode mode() throws OptionError {
    String text = values.getOrDefault("mode", "batch");
    try {
      return Mode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new OptionError("--mode must be batch, stream or mixed, got \"" + text + "\"");
    }
  }

  private URI uri(String name) throws OptionError {
    String text = values.get(name);
    String expected =
        "--"
            + name
            + " must be an http:// URI with a host, e.g. http://127.0.0.1:8080, got \""
            + text
            + "\"";
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new OptionError(expected);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new OptionError(expected + " (" + e.getReason() + ")");
    }
  }

  private Path path(String name) {
    return values.containsKey(name) ? Path.of(values.get(name)) : null;
  }

  private LocalDate date(String name) throws OptionError {
    if (!values.containsKey(name)) {
      return WorldSpec.DEFAULT_START;
    }
    try {
      return LocalDate.parse(values.get(name));
    } catch (DateTimeParseException e) {
      throw new OptionError(
          "--"
              + name
              + " must be an ISO date such as 2026-01-01, got \""
              + values.get(name)
              + "\"");
    }
  }

  private int intValue(String name, int fallback, int min, int max) throws OptionError {
    return (int) longValue(name, fallback, min, max);
  }

  private long longValue(String name, long fallback, long min, long max) throws OptionError {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new OptionError("--" + name + " must be a whole number, got \"" + text + "\"");
    }
    if (value < min || value > max) {
      throw new OptionError(
          "--" + name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  private double doubleValue(String name, double fallback) throws OptionError {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(text);
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new OptionError(
            "--" + name + " must be a number >= 0 (0 = as fast as possible), got " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new OptionError("--" + name + " must be a number, got \"" + text + "\"");
    }
  }
}
