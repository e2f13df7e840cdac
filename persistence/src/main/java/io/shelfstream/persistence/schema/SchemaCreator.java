package io.shelfstream.persistence.schema;

import io.shelfstream.persistence.db.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates every table Shelfstream needs if it is missing. Runs at each start, one statement at a
 * time with autocommit on: PostgreSQL cannot create some indexes inside a transaction, and a failed
 * statement must name itself.
 */
public final class SchemaCreator {
  private static final int ATTEMPTS = 3;

  private SchemaCreator() {}

  public static void createIfMissing(DatabaseSettings db) {
    List<String> statements = statements(db.dialect().schemaResource());
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String sql : statements) {
        run(statement, sql, db);
      }
    } catch (SQLException e) {
      throw new SchemaException("cannot connect to " + db.describe() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs one statement, again after a failure: nodes of a cluster started together run the same
   * statements at once, and a CREATE ... IF NOT EXISTS racing another can fail on the catalog's
   * unique names; once the other has committed, the statement finds the object and does nothing.
   */
  private static void run(Statement statement, String sql, DatabaseSettings db) {
    for (int attempt = 1; ; attempt++) {
      try {
        statement.execute(sql);
        return;
      } catch (SQLException e) {
        if (attempt == ATTEMPTS) {
          throw new SchemaException(
              "cannot run schema statement on " + db.describe() + ": " + firstLine(sql), e);
        }
      }
      try {
        Thread.sleep(250L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaException("interrupted creating the schema on " + db.describe(), e);
      }
    }
  }

  /** The statements of a DDL resource: split on ';' at line ends, comments removed. */
  static List<String> statements(String resource) {
    String text;
    try (InputStream in = SchemaCreator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing from the classpath: " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    return statements;
  }

  private static String firstLine(String sql) {
    int end = sql.indexOf('\n');
    return end < 0 ? sql : sql.substring(0, end);
  }

  /** The schema could not be created: the node cannot start. */
  public static final class SchemaException extends RuntimeException {
    SchemaException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
