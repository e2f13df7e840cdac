package io.shelfstream.persistence.auth;

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

/** The audit trail in the {@code audit_log} table, H2 or PostgreSQL. */
public final class JdbcAuditLog {
  private static final String INSERT =
      "INSERT INTO audit_log (recorded_at, actor, method, path, status, remote)"
          + " VALUES (?, ?, ?, ?, ?, ?)";
  private static final String NEWEST =
      "SELECT recorded_at, actor, method, path, status, remote FROM audit_log"
          + " ORDER BY id DESC LIMIT ?";
  private static final int MAX_PATH = 2048;

  private final DataSource dataSource;
  private final Executor blocking;

  /** {@code blocking} runs the queries; it must not be an actor dispatcher's. */
  public JdbcAuditLog(DataSource dataSource, Executor blocking) {
    this.dataSource = dataSource;
    this.blocking = blocking;
  }

  public CompletionStage<Void> append(AuditEntry entry) {
    return CompletableFuture.runAsync(
        () -> {
          try (Connection connection = dataSource.getConnection();
              PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setTimestamp(1, Timestamp.from(entry.at()));
            insert.setString(2, cut(entry.actor(), 512));
            insert.setString(3, cut(entry.method(), 16));
            insert.setString(4, cut(entry.path(), MAX_PATH));
            insert.setInt(5, entry.status());
            insert.setString(6, cut(entry.remote(), 128));
            insert.executeUpdate();
          } catch (SQLException e) {
            throw new CompletionException("audit entry not written: " + e.getMessage(), e);
          }
        },
        blocking);
  }

  /** The {@code limit} newest entries, newest first. */
  public CompletionStage<List<AuditEntry>> newest(int limit) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection connection = dataSource.getConnection();
              PreparedStatement select = connection.prepareStatement(NEWEST)) {
            select.setInt(1, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                entries.add(
                    new AuditEntry(
                        row.getTimestamp(1).toInstant(),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getInt(5),
                        row.getString(6)));
              }
            }
            return entries;
          } catch (SQLException e) {
            throw new CompletionException("audit log not readable: " + e.getMessage(), e);
          }
        },
        blocking);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
