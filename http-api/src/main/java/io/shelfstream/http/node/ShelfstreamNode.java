package io.shelfstream.http.node;

import com.typesafe.config.Config;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.ingest.IngestPipeline;
import io.shelfstream.engine.ingest.IngestSettings;
import io.shelfstream.engine.integration.IntegrationRuntimeSettings;
import io.shelfstream.engine.integration.Integrations;
import io.shelfstream.engine.integration.SourceTypes;
import io.shelfstream.engine.pii.PiiSettings;
import io.shelfstream.engine.record.GoldenRecords;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.http.auth.Security;
import io.shelfstream.http.auth.SecuritySettings;
import io.shelfstream.http.deadletters.DeadLetterRoutes;
import io.shelfstream.http.health.HealthRoute;
import io.shelfstream.http.health.HealthSettings;
import io.shelfstream.http.health.WriteGate;
import io.shelfstream.http.integrations.IntegrationRoutes;
import io.shelfstream.http.journal.JournalRoutes;
import io.shelfstream.http.limits.IngestLimits;
import io.shelfstream.http.limits.StreamPermits;
import io.shelfstream.http.mappings.MappingTestRoute;
import io.shelfstream.http.pos.PosIngestRoute;
import io.shelfstream.http.push.HttpPushSourceType;
import io.shelfstream.http.push.PushTargets;
import io.shelfstream.http.push.RecordsRoute;
import io.shelfstream.http.records.ActivityRoutes;
import io.shelfstream.http.records.RecordRoutes;
import io.shelfstream.persistence.db.DatabaseSettings;
import io.shelfstream.persistence.db.Dialect;
import io.shelfstream.persistence.journal.JournalConfig;
import io.shelfstream.persistence.journal.JournalReplay;
import io.shelfstream.persistence.ledger.JdbcFileLedger;
import io.shelfstream.persistence.projection.LocationActivityProjection;
import io.shelfstream.persistence.schema.SchemaCreator;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.sources.files.FileSourceType;
import io.shelfstream.sources.files.directory.DirectoryStoreKind;
import io.shelfstream.sources.files.sftp.SftpStoreKind;
import io.shelfstream.sources.kafka.KafkaSourceType;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Shelfstream node: creates the schema, starts the actor system with the journal on the
 * configured database, joins the cluster, starts the sharded golden record and serves HTTP.
 */
public final class ShelfstreamNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ShelfstreamNode.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final ActorSystem<Void> system;
  private final HttpBindings bindings;
  private final DatabaseSettings database;

  private ShelfstreamNode(
      ActorSystem<Void> system, HttpBindings bindings, DatabaseSettings database) {
    this.system = system;
    this.bindings = bindings;
    this.database = database;
  }

  /** The actor system's configuration: the node's cluster and database settings first. */
  static Config systemConfig(Config appConfig, NodeSettings node, DatabaseSettings db) {
    return node.clusterOverrides()
        .withFallback(JournalConfig.forNode(appConfig, db))
        .withFallback(appConfig);
  }

  public static ShelfstreamNode start(Config appConfig) {
    NodeSettings node = NodeSettings.fromConfig(appConfig);
    DatabaseSettings db = DatabaseSettings.fromConfig(appConfig);
    if (node.requireSharedDatabase() && db.dialect() == Dialect.H2) {
      throw new IllegalStateException(
          "a multi-node cluster needs a database shared by all nodes: set SHELFSTREAM_DB_URL to a PostgreSQL");
    }
    Config config = systemConfig(appConfig, node, db);
    // read before anything starts, so that a bad setting fails the start at once
    HealthSettings health = HealthSettings.fromConfig(config);
    IngestLimits limits = IngestLimits.fromConfig(config);
    HttpListeners listeners = HttpListeners.fromConfig(config, node, SecretResolver.system());
    MappingOptions mappingOptions = PiiSettings.fromConfig(config, SecretResolver.system());
    SecuritySettings securitySettings =
        SecuritySettings.fromConfig(config, SecretResolver.system());
    SchemaCreator.createIfMissing(db);

    ActorSystem<Void> system =
        ActorSystem.create(Behaviors.empty(), NodeSettings.SYSTEM_NAME, config);
    try {
      NodeStorage storage = NodeStorage.start(system, db, health, config);
      ClusterJoin.start(system, node).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      GoldenRecordSettings goldenRecord = GoldenRecordSettings.fromConfig(config);
      GoldenRecords records =
          GoldenRecords.start(system, goldenRecord, storage.dedupeIndex(), storage.recordStore());
      LocationActivityProjection activity =
          LocationActivityProjection.start(system, storage.pool(), goldenRecord, storage.jdbc());
      IngestPipeline pipeline =
          new IngestPipeline(
              records, storage.deadLetters(), IngestSettings.fromConfig(config), Clock.systemUTC());
      var fileLedger = new JdbcFileLedger(storage.pool(), storage.jdbc());
      PushTargets pushTargets = new PushTargets();
      Integrations integrations =
          Integrations.start(
              system,
              new SourceTypes(
                  List.of(
                      new KafkaSourceType(SecretResolver.system(), mappingOptions),
                      new HttpPushSourceType(pushTargets, mappingOptions),
                      new FileSourceType(
                          new DirectoryStoreKind(), fileLedger, Clock.systemUTC(), mappingOptions),
                      new FileSourceType(
                          new SftpStoreKind(), fileLedger, Clock.systemUTC(), mappingOptions))),
              pipeline,
              IntegrationRuntimeSettings.fromConfig(config));
      WriteGate gate = new WriteGate(storage.journalDatabase());
      StreamPermits permits = new StreamPermits(limits);
      Security security =
          Security.start(
              securitySettings,
              storage.pool(),
              storage.jdbc(),
              java.nio.file.Path.of(config.getString("shelfstream.data-dir")),
              Clock.systemUTC());
      Route routes =
          ApiRoutes.of(
              security.guard(),
              new PosIngestRoute(pipeline, system, gate, limits, permits).route(),
              new RecordsRoute(
                      integrations,
                      pushTargets,
                      pipeline,
                      system,
                      gate,
                      limits,
                      permits,
                      mappingOptions)
                  .route(),
              new MappingTestRoute(mappingOptions).route(),
              new RecordRoutes(records).route(),
              new ActivityRoutes(activity).route(),
              new JournalRoutes(new JournalReplay(system), goldenRecord).route(),
              new DeadLetterRoutes(storage.deadLetters()).route(),
              new IntegrationRoutes(integrations).route(),
              security.routes(),
              new HealthRoute(system, storage.journalDatabase()).route());
      HttpBindings bindings = listeners.bind(system, routes, START_TIMEOUT);
      log.info("Shelfstream node up: {} on {}", bindings.urls(), db.describe());
      return new ShelfstreamNode(system, bindings, db);
    } catch (TimeoutException e) {
      system.terminate();
      throw new IllegalStateException(
          "the node did not start within "
              + START_TIMEOUT
              + " (joining its cluster, or binding"
              + " its HTTP port); see the log above",
          e);
    } catch (Exception | Error e) {
      // an actor system left running would keep the JVM alive after a failed start
      system.terminate();
      throw e instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("node did not start: " + e.getMessage(), e);
    }
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** The plain HTTP port's address; throws when plain HTTP is off. */
  public InetSocketAddress httpAddress() {
    return bindings.plainAddress();
  }

  /** The HTTPS port's address; throws when HTTPS is off. */
  public InetSocketAddress httpsAddress() {
    return bindings.httpsAddress();
  }

  /** The API's base URLs, e.g. {@code http://0.0.0.0:8080, https://0.0.0.0:8443}. */
  public String urls() {
    return bindings.urls();
  }

  public DatabaseSettings database() {
    return database;
  }

  /** Stops the node gracefully and waits until it has stopped. */
  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("node did not stop within 60s", e);
    }
  }
}
