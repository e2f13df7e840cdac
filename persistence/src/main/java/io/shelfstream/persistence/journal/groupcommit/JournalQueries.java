package io.shelfstream.persistence.journal.groupcommit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.pekko.persistence.PersistentRepr;

/**
 * What recovery reads from {@code event_journal}, and soft deletes. Blocking: run it off the
 * actors.
 */
final class JournalQueries {
  private static final String HIGHEST =
      "SELECT MAX(\"sequence_number\") FROM \"event_journal\" WHERE \"persistence_id\" = ?";
  private static final String REPLAY =
      "SELECT \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\","
          + " \"event_ser_id\", \"event_ser_manifest\", \"event_payload\", \"meta_ser_id\","
          + " \"meta_ser_manifest\", \"meta_payload\" FROM \"event_journal\""
          + " WHERE \"persistence_id\" = ? AND \"sequence_number\" >= ? AND \"sequence_number\" <= ?"
          + " AND \"deleted\" = false ORDER BY \"sequence_number\" LIMIT ?";
  // rows are marked, not removed, so that the highest sequence number survives a delete
  private static final String DELETE =
      "UPDATE \"event_journal\" SET \"deleted\" = true"
          + " WHERE \"persistence_id\" = ? AND \"sequence_number\" <= ? AND \"deleted\" = false";

  private final DataSource dataSource;
  private final RowCodec codec;
  private final int pageSize;

  JournalQueries(DataSource dataSource, RowCodec codec, int pageSize) {
    this.dataSource = dataSource;
    this.codec = codec;
    this.pageSize = pageSize;
  }

  long highestSequenceNr(String persistenceId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(HIGHEST)) {
      select.setString(1, persistenceId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0L;
      }
    }
  }

  /**
   * Hands each event from {@code from} to {@code to}, at most {@code max}, to {@code callback}, in
   * order.
   */
  void replay(String persistenceId, long from, long to, long max, Consumer<PersistentRepr> callback)
      throws SQLException {
    long next = from;
    long left = max;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(REPLAY)) {
      while (left > 0 && next <= to) {
        int page = (int) Math.min(pageSize, left);
        select.setString(1, persistenceId);
        select.setLong(2, next);
        select.setLong(3, to);
        select.setInt(4, page);
        int read = 0;
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            long sequenceNr = rows.getLong(1);
            int metaId = rows.getInt(8);
            Integer metaSerializerId = rows.wasNull() ? null : metaId;
            callback.accept(
                codec.event(
                    persistenceId,
                    sequenceNr,
                    rows.getString(2),
                    rows.getLong(3),
                    rows.getString(4),
                    rows.getInt(5),
                    rows.getString(6),
                    rows.getBytes(7),
                    metaSerializerId,
                    rows.getString(9),
                    rows.getBytes(10)));
            next = sequenceNr + 1;
            read++;
          }
        }
        left -= read;
        if (read < page) {
          return;
        }
      }
    }
  }

  void deleteTo(String persistenceId, long toSequenceNr) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(DELETE)) {
      update.setString(1, persistenceId);
      update.setLong(2, toSequenceNr);
      update.executeUpdate();
    }
  }
}
