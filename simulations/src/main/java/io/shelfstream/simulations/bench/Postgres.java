package io.shelfstream.simulations.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The PostgreSQL the benchmarks run against, and the fresh schemas they create in it. */
final class Postgres {

  private final String url;
  private final String user;
  private final String schemaPrefix;
  private final Cleanup cleanup;
  private final AtomicInteger schemas = new AtomicInteger();

  Postgres(String url, String user, String stamp, Cleanup cleanup) {
    this.url = url;
    this.user = user;
    this.schemaPrefix = "bench_" + stamp.replaceAll("[^0-9a-zA-Z]", "").toLowerCase() + "_";
    this.cleanup = cleanup;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  String user() {
    return user;
  }

  String version() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT version()")) {
      result.next();
      return result.getString(1);
    }
  }

  /**
   * Writes every dirty page now (CHECKPOINT), so that what comes next does not pay for the WAL of
   * what came before: a checkpoint that a saturated warm-up started ends in a sync that stalls
   * every commit for 80-220 ms. Needs a superuser or pg_checkpoint; without, goes on as things are.
   */
  void checkpoint(String before) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      Console.info("  (no CHECKPOINT before %s: %s)", before, e.getMessage());
    }
  }

  /** A new empty schema, dropped with everything in it when closed (or when the harness exits). */
  Schema freshSchema() throws SQLException {
    String name = schemaPrefix + schemas.incrementAndGet();
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + name);
    }
    return cleanup.track(new Schema(name));
  }

  /** The JDBC URL of a connection whose tables live in {@code schema}. */
  String urlFor(Schema schema) {
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema.name();
  }

  final class Schema implements AutoCloseable {
    private final String name;

    private Schema(String name) {
      this.name = name;
    }

    String name() {
      return name;
    }

    @Override
    public void close() throws SQLException {
      try (Connection connection = connect();
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      } finally {
        cleanup.forget(this);
      }
    }

    @Override
    public String toString() {
      return "schema " + name;
    }
  }
}
