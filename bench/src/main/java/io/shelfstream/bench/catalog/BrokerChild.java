package io.shelfstream.bench.catalog;

import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.devkit.process.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The dev Kafka broker as a child process, with its topic of {@value #PARTITIONS} partitions. */
final class BrokerChild implements AutoCloseable {
  static final int PARTITIONS = 4;

  private final ChildJvm process;
  private final String bootstrapServers;

  private BrokerChild(ChildJvm process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
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
    BrokerChild broker = new BrokerChild(process, LoopbackPorts.HOST + ":" + port);
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

  @Override
  public void close() {
    process.close();
  }
}
