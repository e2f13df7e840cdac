package io.shelfstream.persistence.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/**
 * A pool of connections for Shelfstream's own tables and its journal writer
 * (pekko-persistence-jdbc's snapshots and queries have theirs, in Slick). On PostgreSQL each pool's
 * connections carry its name as their {@code application_name}.
 */
public final class ConnectionPool {
  /**
   * How long a caller waits for a connection before it fails. While the database is down no
   * connection can be made, and Hikari's default (30 s) made each journal write wait that long, as
   * long as the journal's circuit breaker allowed a write (its call-timeout). The users of these
   * pools hold a connection for one transaction, so on a healthy database a caller waits for one at
   * most for the length of another's transaction.
   */
  public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

  /** How long checking that an idle connection still works may take (below the timeout above). */
  public static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(1);

  private ConnectionPool() {}

  public static HikariDataSource open(DatabaseSettings db, int size, String name) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(db.url());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setDriverClassName(db.dialect().driver());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
    if (db.dialect() == Dialect.POSTGRES) {
      // pg_stat_activity then tells which of a node's pools runs what
      config.addDataSourceProperty("ApplicationName", name);
    }
    return new HikariDataSource(config);
  }
}
