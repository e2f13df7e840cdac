package io.shelfstream.persistence.journal.groupcommit;

import io.shelfstream.engine.dedupe.EventKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Journal rows as one JDBC batch, which H2 answers with the orderings; then the tags as another,
 * and the events' dedupe keys as a third.
 */
final class H2BatchInsert implements BatchInsert {
  private static final String INSERT_EVENTS =
      "INSERT INTO \"event_journal\" (\"persistence_id\", \"sequence_number\", \"writer\","
          + " \"write_timestamp\", \"adapter_manifest\", \"event_ser_id\", \"event_ser_manifest\","
          + " \"event_payload\", \"meta_ser_id\", \"meta_ser_manifest\", \"meta_payload\")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_TAGS =
      "INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)";
  private static final String INSERT_KEYS =
      "INSERT INTO \"dedupe_index\" (\"event_day\", \"event_key\") VALUES (?, ?)";

  @Override
  public void insert(Connection connection, List<JournalRow> rows) throws SQLException {
    long[] orderings = new long[rows.size()];
    try (PreparedStatement events =
        connection.prepareStatement(INSERT_EVENTS, new String[] {"ordering"})) {
      for (JournalRow row : rows) {
        events.setString(1, row.persistenceId());
        events.setLong(2, row.sequenceNr());
        events.setString(3, row.writer());
        events.setLong(4, row.writeTimestamp());
        events.setString(5, row.adapterManifest());
        events.setInt(6, row.serializerId());
        events.setString(7, row.serializerManifest());
        events.setBytes(8, row.payload());
        if (row.metaSerializerId() == null) {
          events.setNull(9, Types.INTEGER);
        } else {
          events.setInt(9, row.metaSerializerId());
        }
        events.setString(10, row.metaSerializerManifest());
        events.setBytes(11, row.metaPayload());
        events.addBatch();
      }
      events.executeBatch();
      try (ResultSet keys = events.getGeneratedKeys()) {
        int i = 0;
        while (keys.next()) {
          orderings[i++] = keys.getLong(1);
        }
        if (i != rows.size()) {
          throw new SQLException("H2 returned " + i + " orderings for " + rows.size() + " rows");
        }
      }
    }
    try (PreparedStatement tags = connection.prepareStatement(INSERT_TAGS)) {
      for (int i = 0; i < rows.size(); i++) {
        for (String tag : rows.get(i).tags()) {
          tags.setLong(1, orderings[i]);
          tags.setString(2, tag);
          tags.addBatch();
        }
      }
      tags.executeBatch();
    }
    try (PreparedStatement keys = connection.prepareStatement(INSERT_KEYS)) {
      for (JournalRow row : rows) {
        for (EventKey key : row.keys()) {
          keys.setInt(1, key.day());
          keys.setObject(2, key.digest());
          keys.addBatch();
        }
      }
      keys.executeBatch();
    }
    RecordStates.write(connection, rows, RecordStates.H2_MERGE);
  }
}
