package io.shelfstream.persistence.deadletter;

import io.shelfstream.engine.ingest.DeadLetter;
import io.shelfstream.engine.ingest.DeadLetterStore;
import io.shelfstream.persistence.groupcommit.GroupCommitWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * Dead letters in the {@code dead_letter} table of the node's database. The letters of concurrent
 * requests are committed together, as the journal's events are (GroupCommitWriter): a request with
 * a malformed line among valid ones does not cost a commit of its own.
 */
public final class JdbcDeadLetterStore implements DeadLetterStore, AutoCloseable {
  private static final int MAX_KEY_LENGTH = 255;
  private static final int MAX_LETTERS_PER_TRANSACTION = 5000;
  // a letter whose record key is already stored is a redelivery: keep the first (a NULL key
  // never matches, so letters without one are always kept)
  private static final String INSERT =
      "INSERT INTO dead_letter"
          + " (received_at, channel, position, source, event_id, reason, raw_text, record_key)"
          + " SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one"
          + " WHERE NOT EXISTS (SELECT 1 FROM dead_letter WHERE record_key = ?)";
  private static final String NEWEST =
      "SELECT id, received_at, channel, position, source, event_id, reason, raw_text, record_key"
          + " FROM dead_letter ORDER BY id DESC LIMIT ?";

  private final DataSource dataSource;
  private final Executor blocking;
  private final GroupCommitWriter<DeadLetter> writer;

  /**
   * {@code blocking} runs the queries; it must not be an actor dispatcher's. The letters are
   * written by a thread of the store's own.
   */
  public JdbcDeadLetterStore(DataSource dataSource, Executor blocking) {
    this(dataSource, blocking, 1);
  }

  /** With {@code writers} 0, letters are written only by {@link #flushQueued} (for tests). */
  JdbcDeadLetterStore(DataSource dataSource, Executor blocking, int writers) {
    this.dataSource = dataSource;
    this.blocking = blocking;
    this.writer =
        new GroupCommitWriter<>(
            "dead letters",
            "letters",
            dataSource,
            JdbcDeadLetterStore::insert,
            writers,
            MAX_LETTERS_PER_TRANSACTION);
  }

  @Override
  public CompletionStage<Void> store(List<DeadLetter> letters) {
    return writer
        .write(letters)
        .exceptionally(
            error -> {
              throw new CompletionException(
                  "dead letters not stored: " + error.getMessage(), error);
            });
  }

  /**
   * Groups of letters committed together so far (letters retried alone after a group failed are not
   * counted).
   */
  long transactions() {
    return writer.batches();
  }

  void flushQueued() {
    writer.flushQueued();
  }

  /** Stores the letters already given, then stops. */
  @Override
  public void close() {
    writer.close();
  }

  private static void insert(Connection connection, List<DeadLetter> letters) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (DeadLetter letter : letters) {
        insert.setTimestamp(1, Timestamp.from(letter.receivedAt()));
        insert.setString(2, key(letter.channel()));
        insert.setString(3, key(letter.where()));
        insert.setString(4, key(letter.source()));
        insert.setString(5, key(letter.eventId()));
        insert.setString(6, text(letter.reason()));
        insert.setString(7, text(letter.raw()));
        insert.setString(8, letter.recordKey());
        insert.setString(9, letter.recordKey());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Override
  public CompletionStage<List<StoredDeadLetter>> newest(int limit) {
    return CompletableFuture.supplyAsync(() -> query(limit), blocking);
  }

  private List<StoredDeadLetter> query(int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(NEWEST)) {
      select.setInt(1, limit);
      List<StoredDeadLetter> letters = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          letters.add(
              new StoredDeadLetter(
                  rows.getLong(1),
                  new DeadLetter(
                      rows.getTimestamp(2).toInstant(),
                      rows.getString(3),
                      rows.getString(4),
                      rows.getString(5),
                      rows.getString(6),
                      rows.getString(7),
                      rows.getString(8),
                      rows.getString(9))));
        }
      }
      return letters;
    } catch (SQLException e) {
      throw new CompletionException("dead letters not readable: " + e.getMessage(), e);
    }
  }

  private static String key(String value) {
    if (value == null) {
      return null;
    }
    String clean = text(value);
    return clean.length() > MAX_KEY_LENGTH ? clean.substring(0, MAX_KEY_LENGTH) : clean;
  }

  /** PostgreSQL text cannot hold NUL; raw text with NUL is already kept as hex by RawText. */
  private static String text(String value) {
    return value == null ? null : value.replace('\0', '\uFFFD');
  }
}
