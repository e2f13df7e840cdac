package io.shelfstream.persistence.ledger;

import io.shelfstream.engine.ledger.FileCounts;
import io.shelfstream.engine.ledger.FileEntry;
import io.shelfstream.engine.ledger.FileLedger;
import io.shelfstream.engine.ledger.FileState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * The file ledger in the {@code file_ledger} table, H2 or PostgreSQL. A record is an UPDATE, or an
 * INSERT when the file has no entry yet: the same SQL on both databases, and one integration's
 * files are read by one stream at a time, so two writers never race on one entry.
 */
public final class JdbcFileLedger implements FileLedger {
  private static final String COLUMNS =
      "file_size, modified_at, state, sha256, last_line, byte_offset,"
          + " accepted, duplicates, rejected, failed, updated_at";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM file_ledger WHERE integration_id = ? AND file_name = ?";
  private static final String UPDATE =
      "UPDATE file_ledger SET file_size = ?, modified_at = ?, state = ?, sha256 = ?,"
          + " last_line = ?, byte_offset = ?, accepted = ?, duplicates = ?, rejected = ?,"
          + " failed = ?, updated_at = ? WHERE integration_id = ? AND file_name = ?";
  private static final String INSERT =
      "INSERT INTO file_ledger ("
          + COLUMNS
          + ", integration_id, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final DataSource dataSource;
  private final Executor blocking;

  /** {@code blocking} runs the queries; it must not be an actor dispatcher's. */
  public JdbcFileLedger(DataSource dataSource, Executor blocking) {
    this.dataSource = dataSource;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Optional<FileEntry>> find(String integrationId, String fileName) {
    return CompletableFuture.supplyAsync(() -> query(integrationId, fileName), blocking);
  }

  @Override
  public CompletionStage<Void> record(FileEntry entry) {
    return CompletableFuture.runAsync(() -> write(entry), blocking);
  }

  private Optional<FileEntry> query(String integrationId, String fileName) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(FIND)) {
      select.setString(1, integrationId);
      select.setString(2, fileName);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new FileEntry(
                integrationId,
                fileName,
                row.getLong(1),
                Instant.parse(row.getString(2)),
                FileState.valueOf(row.getString(3)),
                row.getString(4),
                row.getLong(5),
                row.getLong(6),
                new FileCounts(row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10)),
                row.getTimestamp(11).toInstant()));
      }
    } catch (SQLException e) {
      throw new CompletionException("file ledger not readable: " + e.getMessage(), e);
    }
  }

  private void write(FileEntry entry) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (run(connection, UPDATE, entry) == 0) {
          run(connection, INSERT, entry);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new CompletionException("file ledger not written: " + e.getMessage(), e);
    }
  }

  private static int run(Connection connection, String sql, FileEntry entry) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, entry.size());
      statement.setString(2, entry.modified().toString());
      statement.setString(3, entry.state().name());
      statement.setString(4, entry.sha256());
      statement.setLong(5, entry.line());
      statement.setLong(6, entry.offset());
      statement.setLong(7, entry.counts().accepted());
      statement.setLong(8, entry.counts().duplicates());
      statement.setLong(9, entry.counts().rejected());
      statement.setLong(10, entry.counts().failed());
      statement.setTimestamp(11, Timestamp.from(entry.updatedAt()));
      statement.setString(12, entry.integrationId());
      statement.setString(13, entry.fileName());
      return statement.executeUpdate();
    }
  }
}
