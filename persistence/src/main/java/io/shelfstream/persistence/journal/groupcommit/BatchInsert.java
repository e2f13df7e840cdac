package io.shelfstream.persistence.journal.groupcommit;

import io.shelfstream.persistence.db.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes many journal rows and their tags in the caller's transaction, in as few round trips as the
 * database allows.
 */
interface BatchInsert {

  void insert(Connection connection, List<JournalRow> rows) throws SQLException;

  static BatchInsert forDialect(Dialect dialect) {
    return switch (dialect) {
      case POSTGRES -> new PostgresCopyInsert();
      case H2 -> new H2BatchInsert();
    };
  }
}
