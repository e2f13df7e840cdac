package io.shelfstream.bench.catalog;

import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.devkit.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The dev Kafka broker as a child process, with its topic of {@value #PARTITIONS} partitions. */
final class BrokerChild implements AutoCloseable {
  static final int PARTITIONS = 4;

  private final ChildJvm process;
  private final String bootstrapServers;
  private final Path dataDir;

  private BrokerChild(ChildJvm process, String bootstrapServers, Path dataDir) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
  }

  static BrokerChild start(BuiltTree tree, Path runDir, String name, String topic)
      throws Exception {
    int port = LoopbackPorts.free();
    Path dataDir = Files.createTempDirectory(runDir, name + "-data-");
    ChildJvm process =
        ChildJvm.named(name)
            .jvmOptions(List.of("-Xmx1g"))
            .classpath(tree.classpath("devkit"))
            .args(
                List.of(
                    "--port",
                    Integer.toString(port),
                    "--data-dir",
                    dataDir.toString(),
                    "--topic",
                    topic + ":" + PARTITIONS))
            .start("io.shelfstream.devkit.kafka.LocalKafkaBroker", runDir.resolve(name + ".log"));
    BrokerChild broker = new BrokerChild(process, LoopbackPorts.HOST + ":" + port, dataDir);
    try {
      Deadline ready = Deadline.in(Duration.ofSeconds(90), "the Kafka broker to print 'listening'");
      while (!process.logTail(5).contains("listening on")) {
        process.checkAlive();
        ready.pause(200, "its log ends: " + process.logTail(5));
      }
    } catch (Exception e) {
      broker.close();
      throw e;
    }
    Console.line(
        "broker up on %s (pid %d), topic %s", broker.bootstrapServers, process.pid(), topic);
    return broker;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  long pid() {
    return process.pid();
  }

  /** Stops the broker and deletes its data: a run's topics take a few GB. */
  @Override
  public void close() {
    process.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      Console.line("  (could not delete %s: %s)", dataDir, e.getMessage());
    }
  }
}
