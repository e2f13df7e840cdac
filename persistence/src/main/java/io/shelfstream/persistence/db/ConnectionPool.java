package io.shelfstream.persistence.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A pool of connections for Shelfstream's own tables (the journal has its own, in Slick). */
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
    return new HikariDataSource(config);
  }
}
