package io.shelfstream.simulations.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's PostgreSQL DDL (read from the jar the nodes run: the harness shares no code with the
 * node), run the way the node runs it: statement by statement, autocommit on.
 */
final class NodeSchema {

  private NodeSchema() {}

  static void create(Connection connection, String script, String schema) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + schema);
      for (String ddl : statements(script)) {
        statement.execute(ddl);
      }
      statement.execute("SET search_path TO DEFAULT");
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The file's statements: comment lines dropped, split at semicolons ending a line. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().trim();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().trim());
    }
    return statements;
  }
}
