package io.shelfstream.bench.catalog;

import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.devkit.process.ChildJvm;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The peer pipeline of issue 24: Kafka Connect standalone running the Debezium JDBC sink into
 * PostgreSQL, from bench/peer/target/lib, tuned as measured there (upsert keyed by the event id,
 * batches of 2000, one task, pgjdbc's rewritten batch inserts).
 */
final class PeerConnect implements AutoCloseable {
  static final String TABLE = "peer_events";

  private final ChildJvm process;

  private PeerConnect(ChildJvm process) {
    this.process = process;
  }

  static PeerConnect start(
      BuiltTree tree,
      Path runDir,
      String bootstrapServers,
      String topic,
      String jdbcUrl,
      String user)
      throws IOException {
    Path worker = runDir.resolve("peer-worker.properties");
    Path connector = runDir.resolve("peer-jdbc-sink.properties");
    write(worker, workerSettings(bootstrapServers, runDir.resolve("peer-offsets")));
    write(connector, connectorSettings(topic, jdbcUrl, user));
    ChildJvm process =
        ChildJvm.named("kafka-connect")
            .jvmOptions(
                List.of(
                    "-Xmx1g",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Dlog4j.configuration=none",
                    // Hibernate's logging through slf4j rather than an unconfigured log4j
                    "-Dorg.jboss.logging.provider=slf4j",
                    "-Dcom.mchange.v2.log.MLog=com.mchange.v2.log.FallbackMLog",
                    "-Dcom.mchange.v2.log.FallbackMLog.DEFAULT_CUTOFF_LEVEL=WARNING"))
            .classpath(tree.classpath("bench/peer"))
            .args(List.of(worker.toString(), connector.toString()))
            .start(
                "org.apache.kafka.connect.cli.ConnectStandalone",
                runDir.resolve("kafka-connect.log"));
    Console.line("Kafka Connect standalone started (pid %d), log %s", process.pid(), process.log());
    return new PeerConnect(process);
  }

  static Map<String, String> workerSettings(String bootstrapServers, Path offsets) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("bootstrap.servers", bootstrapServers);
    settings.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    settings.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    settings.put("key.converter.schemas.enable", "true");
    settings.put("value.converter.schemas.enable", "true");
    settings.put("offset.storage.file.filename", offsets.toString());
    settings.put("offset.flush.interval.ms", "1000");
    // the connectors are on the class path, not in a plugin directory: scan it, without warnings
    settings.put("plugin.discovery", "only_scan");
    settings.put("listeners", "http://" + LoopbackPorts.HOST + ":" + LoopbackPorts.free());
    // lets the connector raise its consumer's max.poll.records, as the tuning does
    settings.put("connector.client.config.override.policy", "All");
    return settings;
  }

  static Map<String, String> connectorSettings(String topic, String jdbcUrl, String user) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("name", "peer-jdbc-sink");
    settings.put("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector");
    settings.put("tasks.max", "1");
    settings.put("topics", topic);
    settings.put("connection.url", jdbcUrl);
    settings.put("connection.username", user);
    settings.put("connection.password", "");
    settings.put("insert.mode", "upsert");
    settings.put("primary.key.mode", "record_key");
    settings.put("primary.key.fields", "event_id");
    settings.put("schema.evolution", "basic");
    settings.put("collection.name.format", TABLE);
    settings.put("batch.size", "2000");
    settings.put("consumer.override.max.poll.records", "2000");
    settings.put("consumer.override.auto.offset.reset", "earliest");
    return settings;
  }

  private static void write(Path file, Map<String, String> settings) throws IOException {
    Properties properties = new Properties();
    properties.putAll(settings);
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "written by the high-cardinality bench");
    }
  }

  long pid() {
    return process.pid();
  }

  void checkAlive() {
    process.checkAlive();
  }

  String logTail() {
    return process.logTail(15);
  }

  @Override
  public void close() {
    process.close();
  }
}
