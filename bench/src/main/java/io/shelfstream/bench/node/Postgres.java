package io.shelfstream.bench.node;

import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.persistence.db.DatabaseSettings;
import io.shelfstream.persistence.schema.SchemaCreator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The PostgreSQL the scenarios run against, and the fresh schemas they create in it. */
public final class Postgres {
  private final String url;
  private final String user;
  private final String prefix;
  private final AtomicInteger schemas = new AtomicInteger();

  public Postgres(String url, String user, String stamp) {
    this.url = url;
    this.user = user;
    this.prefix = "bench_" + stamp.replaceAll("[^0-9a-zA-Z]", "").toLowerCase() + "_";
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  public String user() {
    return user;
  }

  public String url() {
    return url;
  }

  public long queryLong(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  public String version() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version()")) {
      rows.next();
      return rows.getString(1);
    }
  }

  /**
   * Writes every dirty page now, so that what comes next does not pay for the WAL of what came
   * before (a checkpoint a saturated warm-up started stalled commits for 80-220 ms).
   */
  public void checkpoint() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      ScenarioContext.say(
          "(no CHECKPOINT: %s; needs a superuser or pg_checkpoint)", e.getMessage());
    }
  }

  /** A new empty schema, dropped with everything in it when closed. */
  public Schema freshSchema() throws SQLException {
    Schema schema = new Schema(prefix + schemas.incrementAndGet());
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema.name());
    }
    return schema;
  }

  public final class Schema implements AutoCloseable {
    private final String name;

    private Schema(String name) {
      this.name = name;
    }

    public String name() {
      return name;
    }

    /** A JDBC URL whose tables live in this schema. */
    public String url() {
      return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** The node's own tables, made by the node's own code (persistence's schema package). */
    public void createNodeTables() {
      SchemaCreator.createIfMissing(new DatabaseSettings(url(), user, "", 1));
    }

    @Override
    public void close() throws SQLException {
      try (Connection connection = connect();
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      }
    }
  }
}
