package io.shelfstream.bench.catalog;

import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.devkit.process.ChildJvm;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The peer pipeline of issue 24: Kafka Connect standalone running the Debezium JDBC sink into
 * PostgreSQL, from bench/peer/target/lib, tuned as measured there (upsert keyed by the event id,
 * batches of 2000, one task, pgjdbc's rewritten batch inserts).
 */
final class PeerConnect {
  static final String TABLE = "peer_events";

  private PeerConnect() {}

  static ChildJvm start(
      ScenarioContext context, String name, String servers, String topic, String jdbcUrl)
      throws IOException {
    Path worker = context.runDir().resolve(name + "-worker.properties");
    Path connector = context.runDir().resolve(name + "-jdbc-sink.properties");
    write(
        worker,
        Map.of(
            "bootstrap.servers", servers,
            "key.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "offset.storage.file.filename", context.runDir().resolve(name + "-offsets").toString(),
            "offset.flush.interval.ms", "1000",
            // the connectors are on the class path, not in a plugin directory: scan it
            "plugin.discovery", "only_scan",
            "listeners", "http://" + LoopbackPorts.HOST + ":" + LoopbackPorts.free(),
            // lets the connector raise its consumer's max.poll.records, as the tuning does
            "connector.client.config.override.policy", "All"),
        Map.of("key.converter.schemas.enable", "true", "value.converter.schemas.enable", "true"));
    write(
        connector,
        Map.of(
            "name", "peer-jdbc-sink",
            "connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector",
            "tasks.max", "1",
            "topics", topic,
            "connection.url", jdbcUrl,
            "connection.username", context.postgres().user(),
            "connection.password", "",
            "insert.mode", "upsert",
            "primary.key.mode", "record_key",
            "primary.key.fields", "event_id"),
        Map.of(
            "schema.evolution", "basic",
            "collection.name.format", TABLE,
            "batch.size", "2000",
            "consumer.override.max.poll.records", "2000",
            "consumer.override.auto.offset.reset", "earliest"));
    ChildJvm connect =
        ChildJvm.named(name)
            .jvmOptions(
                List.of(
                    "-Xmx1g",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Dlog4j.configuration=none",
                    // Hibernate's logging through slf4j rather than an unconfigured log4j
                    "-Dorg.jboss.logging.provider=slf4j",
                    "-Dcom.mchange.v2.log.MLog=com.mchange.v2.log.FallbackMLog",
                    "-Dcom.mchange.v2.log.FallbackMLog.DEFAULT_CUTOFF_LEVEL=WARNING"))
            .classpath(context.classpath("bench/peer"))
            .args(List.of(worker.toString(), connector.toString()))
            .start("org.apache.kafka.connect.cli.ConnectStandalone", context.log(name));
    ScenarioContext.say("Kafka Connect standalone started (pid %d)", connect.pid());
    return connect;
  }

  private static void write(Path file, Map<?, ?>... settings) throws IOException {
    Properties properties = new Properties();
    for (Map<?, ?> some : settings) {
      properties.putAll(some);
    }
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "written by the high-cardinality scenario");
    }
  }
}
