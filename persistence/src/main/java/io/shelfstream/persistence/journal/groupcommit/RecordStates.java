package io.shelfstream.persistence.journal.groupcommit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records entities moved out of memory with a batch's entries, into {@code record_state}, in
 * the batch's transaction: a row stands for its record exactly when the entry that evicted it is
 * journaled. A record evicted again replaces its row; within a batch the latest entry's row wins.
 */
final class RecordStates {
  static final String POSTGRES_UPSERT =
      "INSERT INTO record_state (persistence_id, record_id, as_of_seq, state) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (persistence_id, record_id) DO UPDATE"
          + " SET as_of_seq = EXCLUDED.as_of_seq, state = EXCLUDED.state";
  static final String H2_MERGE =
      "MERGE INTO \"record_state\" KEY(\"persistence_id\", \"record_id\") VALUES (?, ?, ?, ?)";

  private RecordStates() {}

  /** {@code upsert}: the dialect's statement that inserts or replaces one row. */
  static void write(Connection connection, List<JournalRow> rows, String upsert)
      throws SQLException {
    Map<String, Object[]> latest = new LinkedHashMap<>();
    for (JournalRow row : rows) {
      for (JournalRow.RecordRow record : row.records()) {
        latest.put(
            row.persistenceId() + '\u0000' + record.recordId(),
            new Object[] {
              row.persistenceId(), record.recordId(), row.sequenceNr(), record.state()
            });
      }
    }
    if (latest.isEmpty()) {
      return;
    }
    try (PreparedStatement merge = connection.prepareStatement(upsert)) {
      for (Object[] values : latest.values()) {
        merge.setString(1, (String) values[0]);
        merge.setString(2, (String) values[1]);
        merge.setLong(3, (Long) values[2]);
        merge.setBytes(4, (byte[]) values[3]);
        merge.addBatch();
      }
      merge.executeBatch();
    }
  }
}
