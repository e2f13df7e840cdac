package io.shelfstream.http.node;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariDataSource;
import io.shelfstream.http.health.HealthSettings;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.db.DatabaseProbe;
import io.shelfstream.persistence.db.DatabaseSettings;
import io.shelfstream.persistence.deadletter.JdbcDeadLetterStore;
import io.shelfstream.persistence.dedupe.DedupeIndexBackfill;
import io.shelfstream.persistence.dedupe.JdbcDedupeIndex;
import io.shelfstream.persistence.records.JdbcRecordStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * A node's own use of its database beside the journal plugins: the pool and blocking executor of
 * Shelfstream's tables, the dead letters, the dedupe index (filled from the journal once, before
 * any entity starts), the record store and the probe that readiness reads. Closed by the actor
 * system's shutdown.
 */
record NodeStorage(
    HikariDataSource pool,
    Executor jdbc,
    JdbcDeadLetterStore deadLetters,
    JdbcDedupeIndex dedupeIndex,
    JdbcRecordStore recordStore,
    DatabaseProbe journalDatabase) {

  static NodeStorage start(
      ActorSystem<?> system, DatabaseSettings db, HealthSettings health, Config config) {
    HikariDataSource pool =
        ConnectionPool.open(db, config.getInt("shelfstream.db.own-pool-size"), "shelfstream");
    Executor jdbc =
        system.dispatchers().lookup(DispatcherSelector.fromConfig("shelfstream-jdbc-dispatcher"));
    var deadLetters = new JdbcDeadLetterStore(pool, jdbc);
    var probe =
        DatabaseProbe.start(db, health.probeInterval(), health.probeTimeout(), Clock.systemUTC());
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-node-storage",
            () -> {
              probe.close();
              deadLetters.close(); // stores the letters already given, while it has connections
              pool.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    DedupeIndexBackfill.runOnce(system, pool, db.dialect());
    return new NodeStorage(
        pool,
        jdbc,
        deadLetters,
        new JdbcDedupeIndex(pool, jdbc),
        new JdbcRecordStore(pool, jdbc),
        probe);
  }
}
