package io.shelfstream.persistence.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A pool of connections for Shelfstream's own tables and its journal writer
 * (pekko-persistence-jdbc's snapshots and queries have theirs, in Slick). On PostgreSQL each pool's
 * connections carry its name as their {@code application_name}.
 */
public final class ConnectionPool {
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
    if (db.dialect() == Dialect.POSTGRES) {
      // pg_stat_activity then tells which of a node's pools runs what
      config.addDataSourceProperty("ApplicationName", name);
    }
    return new HikariDataSource(config);
  }
}
