package io.shelfstream.bench.node;

import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.devkit.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The dev broker (devkit's LocalKafkaBroker, single-node KRaft) in a process of its own. */
public final class KafkaBroker implements AutoCloseable {
  public static final int PARTITIONS = 4;

  private final ChildJvm jvm;
  private final String bootstrapServers;
  private final Path dataDir;

  private KafkaBroker(ChildJvm jvm, String bootstrapServers, Path dataDir) {
    this.jvm = jvm;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
  }

  /** Starts it with {@code topics} created; returns once it says it is listening. */
  public static KafkaBroker start(ScenarioContext context, String name, List<String> topics)
      throws IOException, InterruptedException {
    int port = LoopbackPorts.free();
    Path dataDir = Files.createTempDirectory("shelfstream-bench-kafka-");
    List<String> args = new ArrayList<>(List.of("--port", "" + port, "--data-dir", "" + dataDir));
    topics.forEach(topic -> args.addAll(List.of("--topic", topic + ":" + PARTITIONS)));
    ChildJvm jvm =
        ChildJvm.named(name)
            .jvmOptions(List.of("-Xmx1g"))
            .classpath(context.classpath("devkit"))
            .args(args)
            .start("io.shelfstream.devkit.kafka.LocalKafkaBroker", context.log(name));
    var broker = new KafkaBroker(jvm, LoopbackPorts.HOST + ":" + port, dataDir);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!Files.readString(jvm.log()).contains("listening on " + broker.bootstrapServers)) {
      if (System.nanoTime() > deadline || !jvm.alive()) {
        broker.close();
        throw new IOException("the Kafka broker did not start; its log ends:\n" + jvm.logTail(20));
      }
      Thread.sleep(200);
    }
    return broker;
  }

  public long pid() {
    return jvm.pid();
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    jvm.close();
    Node.delete(dataDir);
  }
}
