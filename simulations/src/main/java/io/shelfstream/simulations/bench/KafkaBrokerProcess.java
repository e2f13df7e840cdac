package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A single-node KRaft broker ({@code io.shelfstream.devkit.kafka.LocalKafkaBroker}) in a process of
 * its own, on a free loopback port, with its topics created before it reports ready.
 */
final class KafkaBrokerProcess implements AutoCloseable {

  static final int PARTITIONS = 4;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String READY = "listening on ";

  private final JavaProcess process;
  private final Path dataDir;
  private final String bootstrapServers;
  private final Cleanup cleanup;

  private KafkaBrokerProcess(
      JavaProcess process, Path dataDir, String bootstrapServers, Cleanup cleanup) {
    this.process = process;
    this.cleanup = cleanup;
    this.dataDir = dataDir;
    this.bootstrapServers = bootstrapServers;
  }

  static KafkaBrokerProcess start(BenchContext context, String name, List<String> topics)
      throws IOException, InterruptedException {
    Path dataDir = Files.createTempDirectory("shelfstream-bench-kafka-");
    int port = LoopbackPorts.free();
    List<String> args =
        new ArrayList<>(
            List.of("--port", Integer.toString(port), "--data-dir", dataDir.toString()));
    for (String topic : topics) {
      // and the topic KafkaRuns warms the node's Kafka path with before it reads this one
      for (String created : List.of(topic, KafkaRuns.warmUpTopic(topic))) {
        args.add("--topic");
        args.add(created + ":" + PARTITIONS);
      }
    }
    Path log = context.runDir().resolve("logs").resolve(name + ".log");
    JavaProcess process;
    try {
      process =
          JavaProcess.start(
              name,
              List.of("-Xmx1g"),
              context.classpath("devkit"),
              "io.shelfstream.devkit.kafka.LocalKafkaBroker",
              args,
              Map.of(),
              log,
              context.cleanup());
    } catch (IOException | RuntimeException e) {
      TempFiles.deleteQuietly(dataDir);
      throw e;
    }
    // tracked itself, so that an exit in the middle of a run also removes its data directory
    KafkaBrokerProcess broker =
        context
            .cleanup()
            .track(
                new KafkaBrokerProcess(process, dataDir, "127.0.0.1:" + port, context.cleanup()));
    try {
      broker.awaitReady(log);
    } catch (IOException | InterruptedException | RuntimeException e) {
      broker.close();
      throw e;
    }
    Console.info(
        "Kafka broker up on %s (pid %d), topics %s",
        broker.bootstrapServers, process.pid(), topics);
    return broker;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  long pid() {
    return process.pid();
  }

  private void awaitReady(Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)
          && Files.readString(log, StandardCharsets.UTF_8).contains(READY + bootstrapServers)) {
        return;
      }
      if (!process.alive()) {
        throw new IOException("the Kafka broker exited during start:\n" + process.logTail(20));
      }
      Thread.sleep(200);
    }
    throw new IOException(
        "the Kafka broker was not ready within "
            + START_TIMEOUT.toSeconds()
            + " s:\n"
            + process.logTail(20));
  }

  @Override
  public void close() {
    try {
      process.close();
    } finally {
      TempFiles.deleteQuietly(dataDir);
      cleanup.forget(this);
    }
  }

  @Override
  public String toString() {
    return "Kafka broker " + bootstrapServers;
  }
}
