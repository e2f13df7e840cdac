package io.shelfstream.devkit.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;

/** The configuration of one node that is both the only broker and its own KRaft controller. */
final class SingleNodeSettings {
  static final int NODE_ID = 1;

  private SingleNodeSettings() {}

  /** {@code saslUsers}: user to password; when there are any, a SASL/PLAIN listener too. */
  static KafkaConfig of(Path dataDir, BrokerPorts ports, Map<String, String> saslUsers) {
    String clients = "PLAINTEXT://" + BrokerPorts.HOST + ":" + ports.broker();
    String controller = "CONTROLLER://" + BrokerPorts.HOST + ":" + ports.controller();
    if (!saslUsers.isEmpty()) {
      clients += ",SASL://" + BrokerPorts.HOST + ":" + ports.sasl();
    }
    Map<String, String> settings = new HashMap<>();
    settings.put("process.roles", "broker,controller");
    settings.put("node.id", String.valueOf(NODE_ID));
    settings.put(
        "controller.quorum.voters", NODE_ID + "@" + BrokerPorts.HOST + ":" + ports.controller());
    settings.put("controller.listener.names", "CONTROLLER");
    settings.put("listeners", clients + "," + controller);
    settings.put("advertised.listeners", clients);
    settings.put("inter.broker.listener.name", "PLAINTEXT");
    settings.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL:SASL_PLAINTEXT");
    if (!saslUsers.isEmpty()) {
      settings.put("sasl.enabled.mechanisms", "PLAIN");
      StringBuilder users = new StringBuilder();
      saslUsers.forEach(
          (user, password) ->
              users.append(" user_").append(user).append("=\"").append(password).append('"'));
      settings.put(
          "listener.name.sasl.plain.sasl.jaas.config",
          "org.apache.kafka.common.security.plain.PlainLoginModule required" + users + ";");
    }
    settings.put("log.dirs", dataDir.toString());

    // one broker: internal topics cannot have more replicas than there are brokers
    settings.put("offsets.topic.replication.factor", "1");
    settings.put("transaction.state.log.replication.factor", "1");
    settings.put("transaction.state.log.min.isr", "1");
    // a consumer group of a test or a benchmark gets its partitions at once, not after 3 s
    settings.put("group.initial.rebalance.delay.ms", "0");
    settings.put("num.partitions", "1");
    // topics are created explicitly: a misspelt topic name must fail, not create a new topic
    settings.put("auto.create.topics.enable", "false");
    // the log cleaner allocates this buffer at startup on the heap it shares with the host JVM;
    // Kafka's 128 MB default is sized for a production broker, 16 MB is plenty for a dev one
    settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
    return new KafkaConfig(settings, false);
  }
}
