package io.shelfstream.devkit.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (its own controller, no ZooKeeper), running in this
 * JVM and listening on 127.0.0.1 only: for tests of the Kafka integration, and, through {@link
 * #main}, as a dev broker for users and benchmarks on a machine without Kafka.
 *
 * <p>Its ports and data directory are fixed at {@link #start}, so that {@link #restart} brings it
 * back where its clients look for it, with its data.
 */
public final class LocalKafkaBroker implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final Path dataDir;
  private final BrokerPorts ports;
  private final Map<String, String> saslUsers;
  private KafkaRaftServer server;

  private LocalKafkaBroker(Path dataDir, BrokerPorts ports, Map<String, String> saslUsers) {
    this.dataDir = dataDir;
    this.ports = ports;
    this.saslUsers = Map.copyOf(saslUsers);
  }

  /**
   * Starts a broker on {@code port} (0 picks a free one) that keeps its data in {@code dataDir},
   * formatting the directory on first use. Returns once the broker serves every partition it has.
   */
  public static LocalKafkaBroker start(Path dataDir, int port) {
    return start(dataDir, port, Map.of());
  }

  /**
   * Starts a broker that also listens, at {@link #saslBootstrapServers()}, for clients that log in
   * with SASL/PLAIN as one of {@code saslUsers} (user to password).
   */
  public static LocalKafkaBroker start(Path dataDir, int port, Map<String, String> saslUsers) {
    BrokerPorts ports = BrokerPorts.reserve(port);
    LocalKafkaBroker broker =
        new LocalKafkaBroker(dataDir.toAbsolutePath().normalize(), ports, saslUsers);
    broker.startServer();
    return broker;
  }

  public String bootstrapServers() {
    return BrokerPorts.HOST + ":" + ports.broker();
  }

  /** Where clients log in with SASL/PLAIN (security.protocol SASL_PLAINTEXT). */
  public String saslBootstrapServers() {
    if (saslUsers.isEmpty()) {
      throw new IllegalStateException("this broker has no SASL users: start it with some");
    }
    return BrokerPorts.HOST + ":" + ports.sasl();
  }

  public int port() {
    return ports.broker();
  }

  /** Creates the topic unless it exists, and returns once the broker serves every partition. */
  public synchronized void createTopic(String name, int partitions) {
    if (server == null) {
      throw new IllegalStateException("the Kafka broker is stopped: cannot create topic " + name);
    }
    BrokerTopics.create(bootstrapServers(), name, partitions, READY_TIMEOUT);
  }

  /** Shuts the broker down cleanly; its data stays in the data directory. Idempotent. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.shutdown();
      server.awaitShutdown();
    } finally {
      server = null;
      DataDirClaims.release(dataDir);
    }
  }

  /**
   * Stops the broker and starts it again on the same ports and data, as a broker restart does to
   * its clients. Returns once the broker serves every partition again.
   */
  public synchronized void restart() {
    stop();
    startServer();
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized void startServer() {
    DataDirClaims.claim(dataDir);
    KafkaRaftServer starting = null;
    try {
      KafkaConfig config = SingleNodeSettings.of(dataDir, ports, saslUsers);
      KraftStorage.prepare(dataDir, config);
      starting = new KafkaRaftServer(config, Time.SYSTEM);
      starting.startup();
      BrokerTopics.awaitEveryTopicLed(bootstrapServers(), READY_TIMEOUT);
      server = starting;
    } catch (RuntimeException e) {
      throw startFailure(starting, e);
    }
  }

  private RuntimeException startFailure(KafkaRaftServer starting, RuntimeException cause) {
    if (starting == null) {
      DataDirClaims.release(dataDir);
      return cause;
    }
    // Kafka logs the first cause of a failed start; what reaches here may come from its cleanup
    IllegalStateException failure =
        new IllegalStateException(
            "the Kafka broker failed to start on "
                + bootstrapServers()
                + " (see Kafka's log for the first cause): "
                + cause.getMessage(),
            cause);
    try {
      starting.shutdown();
      starting.awaitShutdown();
    } catch (RuntimeException whileShuttingDown) {
      failure.addSuppressed(whileShuttingDown);
    } finally {
      DataDirClaims.release(dataDir);
    }
    return failure;
  }

  /**
   * {@code --port 9092 --data-dir data/kafka --topic name:partitions}...: starts the broker,
   * creates the topics, prints one line once it is ready, and runs until the JVM is stopped.
   */
  public static void main(String[] args) throws InterruptedException {
    if (List.of(args).contains("--help")) {
      System.out.println(BrokerCommandLine.USAGE);
      return;
    }
    QuietLogging.warnUnlessConfigured();
    BrokerCommandLine options;
    try {
      options = BrokerCommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BrokerCommandLine.USAGE);
      System.exit(2);
      return;
    }
    try {
      LocalKafkaBroker broker = start(options.dataDir(), options.port());
      Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "local-kafka-broker-stop"));
      options.topics().forEach(topic -> broker.createTopic(topic.name(), topic.partitions()));
      System.out.println(
          "Kafka broker (KRaft, single node) listening on " + broker.bootstrapServers());
    } catch (RuntimeException e) {
      System.err.println("Cannot run the Kafka broker: " + e.getMessage());
      System.exit(1);
    }
    // the broker's threads serve clients; SIGTERM runs the shutdown hook, which stops it cleanly
    new CountDownLatch(1).await();
  }
}
