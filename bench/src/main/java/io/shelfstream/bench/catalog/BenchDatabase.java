package io.shelfstream.bench.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL every target writes to, one fresh schema per target and run. */
final class BenchDatabase {
  private final String url;
  private final String user;
  private final String runStamp;

  BenchDatabase(String url, String user, String runStamp) {
    this.url = url;
    this.user = user;
    this.runStamp = runStamp;
  }

  String user() {
    return user;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  /** A new empty schema; the caller drops it with {@link #drop} when the target is done. */
  String freshSchema(String target) throws SQLException {
    String schema =
        ("hc_" + runStamp + "_" + target).replaceAll("[^0-9a-zA-Z_]", "_").toLowerCase();
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    }
    return schema;
  }

  void drop(String schema) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      Console.line("  (could not drop schema %s: %s; drop it by hand)", schema, e.getMessage());
    }
  }

  /** A JDBC URL whose tables live in {@code schema}, with extra parameters. */
  String urlFor(String schema, String parameters) {
    return url
        + (url.contains("?") ? "&" : "?")
        + "currentSchema="
        + schema
        + (parameters.isEmpty() ? "" : "&" + parameters);
  }

  /** The one number a query answers; -1 when the table does not exist yet. */
  long number(String sql) throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getLong(1) : -1;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return -1;
      }
      throw e;
    }
  }

  /** Writes dirty pages now, so that a run does not pay for the previous one's checkpoint. */
  void checkpoint() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      Console.line("  (no CHECKPOINT: %s)", e.getMessage());
    }
  }
}
