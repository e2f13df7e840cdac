package io.shelfstream.http.secrets;

import io.shelfstream.persistence.db.DatabaseSettings;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every row of every table of a database, as bytes (journal payloads are CBOR, whose strings are
 * UTF-8 as they are), searched for a text: the tables where it appears, as {@code table.column}.
 */
public final class DatabaseGrep {
  private DatabaseGrep() {}

  public static List<String> find(DatabaseSettings db, String text) throws SQLException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      for (String table : tables(connection)) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
          var columns = rows.getMetaData();
          while (rows.next()) {
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              byte[] value = bytes(rows, i, columns.getColumnType(i));
              if (value != null && contains(value, needle)) {
                found.add(table + "." + columns.getColumnName(i));
              }
            }
          }
        }
      }
    }
    return found;
  }

  static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet all =
        connection
            .getMetaData()
            .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (all.next()) {
        tables.add(all.getString("TABLE_NAME"));
      }
    }
    return tables;
  }

  private static byte[] bytes(ResultSet rows, int column, int type) throws SQLException {
    return switch (type) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rows.getBytes(column);
      default -> {
        String text = rows.getString(column);
        yield text == null ? null : text.getBytes(StandardCharsets.UTF_8);
      }
    };
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }
}
