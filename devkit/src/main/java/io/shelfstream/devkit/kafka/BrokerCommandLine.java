package io.shelfstream.devkit.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of the dev broker started from the shell. */
record BrokerCommandLine(int port, Path dataDir, List<Topic> topics) {
  static final String USAGE =
      """
      usage: LocalKafkaBroker [--port 9092] [--data-dir data/kafka] [--topic name:partitions]...
        --port      client port on 127.0.0.1; 0 picks a free one (default 9092)
        --data-dir  where the broker keeps its data across runs (default data/kafka)
        --topic     a topic to create if missing, e.g. --topic pos-sales:3 (repeatable)""";

  record Topic(String name, int partitions) {}

  /** Throws IllegalArgumentException with a message for the user on any bad option. */
  static BrokerCommandLine parse(String... args) {
    int port = 9092;
    Path dataDir = Path.of("data", "kafka");
    List<Topic> topics = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[i + 1];
      switch (option) {
        case "--port" -> port = parsePort(value);
        case "--data-dir" -> dataDir = Path.of(value);
        case "--topic" -> topics.add(parseTopic(value));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return new BrokerCommandLine(port, dataDir, List.copyOf(topics));
  }

  private static int parsePort(String value) {
    int port = parseNumber(value, "--port");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + value);
    }
    return port;
  }

  private static Topic parseTopic(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--topic must be name:partitions, got " + value);
    }
    int partitions = parseNumber(value.substring(colon + 1), "--topic " + value + ": partitions");
    if (partitions < 1) {
      throw new IllegalArgumentException("--topic " + value + " needs at least one partition");
    }
    return new Topic(value.substring(0, colon), partitions);
  }

  private static int parseNumber(String value, String what) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a number, got " + value, e);
    }
  }
}
