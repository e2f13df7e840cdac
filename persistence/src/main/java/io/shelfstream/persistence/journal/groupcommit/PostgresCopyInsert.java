package io.shelfstream.persistence.journal.groupcommit;

import io.shelfstream.engine.dedupe.EventKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A batch's rows and tags by COPY, in PostgreSQL's binary format. COPY stores rows a page at a time
 * (one WAL record per page, not per row) and parses nothing; an INSERT of the same rows, even as
 * one statement over arrays, stores them one by one. COPY cannot return the orderings the tag rows
 * need, so the batch first takes them from the journal's own sequence (what the column's default
 * would have taken), in batch order, so that an entity's events are ordered as their sequence
 * numbers. Then the events' dedupe keys. Four round trips per batch, whatever its size.
 */
final class PostgresCopyInsert implements BatchInsert {
  private static final String JOURNAL =
      "COPY event_journal (ordering, persistence_id, sequence_number, writer, write_timestamp,"
          + " adapter_manifest, event_ser_id, event_ser_manifest, event_payload, meta_ser_id,"
          + " meta_ser_manifest, meta_payload) FROM STDIN (FORMAT binary)";
  private static final int JOURNAL_FIELDS = 12;
  private static final String TAGS = "COPY event_tag (event_id, tag) FROM STDIN (FORMAT binary)";
  private static final String KEYS =
      "COPY dedupe_index (event_day, event_key) FROM STDIN (FORMAT binary)";

  // the writer threads share this insert; each fills its own buffer
  private final ThreadLocal<BinaryCopyBuffer> buffers =
      ThreadLocal.withInitial(BinaryCopyBuffer::new);
  private volatile String nextOrderings;

  @Override
  public void insert(Connection connection, List<JournalRow> rows) throws SQLException {
    long[] orderings = takeOrderings(connection, rows.size());
    BinaryCopyBuffer buffer = buffers.get();

    buffer.start();
    for (int i = 0; i < rows.size(); i++) {
      JournalRow row = rows.get(i);
      buffer
          .row(JOURNAL_FIELDS)
          .int8(orderings[i])
          .text(row.persistenceId())
          .int8(row.sequenceNr())
          .text(row.writer())
          .int8(row.writeTimestamp())
          .text(row.adapterManifest())
          .int4(row.serializerId())
          .text(row.serializerManifest())
          .bytea(row.payload())
          .int4(row.metaSerializerId())
          .text(row.metaSerializerManifest())
          .bytea(row.metaPayload());
    }
    copy(connection, JOURNAL, buffer.finish());

    buffer.start();
    int tags = 0;
    for (int i = 0; i < rows.size(); i++) {
      for (String tag : rows.get(i).tags()) {
        buffer.row(2).int8(orderings[i]).text(tag);
        tags++;
      }
    }
    if (tags > 0) {
      copy(connection, TAGS, buffer.finish());
    }

    buffer.start();
    int keys = 0;
    for (JournalRow row : rows) {
      for (EventKey key : row.keys()) {
        buffer.row(2).int4(key.day()).uuid(key.high(), key.low());
        keys++;
      }
    }
    if (keys > 0) {
      // a key already there fails the batch: an event journaled twice (see BatchIntake)
      copy(connection, KEYS, buffer.finish());
    }
    RecordStates.write(connection, rows, RecordStates.POSTGRES_UPSERT);
  }

  /** {@code count} values of the ordering column's sequence, ascending. */
  private long[] takeOrderings(Connection connection, int count) throws SQLException {
    long[] orderings = new long[count];
    try (PreparedStatement next = connection.prepareStatement(nextOrderings(connection))) {
      next.setInt(1, count);
      try (ResultSet values = next.executeQuery()) {
        for (int i = 0; i < count; i++) {
          if (!values.next()) {
            throw new SQLException("the ordering sequence gave " + i + " of " + count + " values");
          }
          orderings[i] = values.getLong(1);
        }
      }
    }
    return orderings;
  }

  /**
   * The query taking orderings, with the sequence named once as a literal: PostgreSQL resolves a
   * literal regclass when it parses the query, where a call per row would look it up per row. The
   * sequence is the one the connection's search_path finds, as for the table itself.
   */
  private String nextOrderings(Connection connection) throws SQLException {
    String query = nextOrderings;
    if (query == null) {
      try (Statement sql = connection.createStatement();
          ResultSet name =
              sql.executeQuery("SELECT pg_get_serial_sequence('event_journal', 'ordering')")) {
        if (!name.next() || name.getString(1) == null) {
          throw new SQLException("event_journal.ordering has no sequence");
        }
        String sequence = name.getString(1).replace("'", "''");
        query =
            "SELECT nextval('" + sequence + "'::regclass) FROM generate_series(1, ?) ORDER BY 1";
      }
      nextOrderings = query;
    }
    return query;
  }

  private static void copy(Connection connection, String sql, BinaryCopyBuffer rows)
      throws SQLException {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      copy.writeToCopy(rows.bytes(), 0, rows.length());
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }
}
