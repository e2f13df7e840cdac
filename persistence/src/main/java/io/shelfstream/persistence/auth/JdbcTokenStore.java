package io.shelfstream.persistence.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/** API tokens in the {@code api_token} table, H2 or PostgreSQL. */
public final class JdbcTokenStore {
  private static final String COLUMNS =
      "id, name, role, sources, stores, salt, secret_hash, created_at, revoked_at";
  private static final String INSERT =
      "INSERT INTO api_token (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)";
  private static final String FIND = "SELECT " + COLUMNS + " FROM api_token WHERE id = ?";
  private static final String LIST = "SELECT " + COLUMNS + " FROM api_token ORDER BY created_at";
  private static final String REVOKE =
      "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
  private static final String ACTIVE_ADMINS =
      "SELECT COUNT(*) FROM api_token WHERE role = 'admin' AND revoked_at IS NULL";

  private final DataSource dataSource;
  private final Executor blocking;

  /** {@code blocking} runs the queries; it must not be an actor dispatcher's. */
  public JdbcTokenStore(DataSource dataSource, Executor blocking) {
    this.dataSource = dataSource;
    this.blocking = blocking;
  }

  public CompletionStage<Void> create(StoredToken token) {
    return CompletableFuture.runAsync(() -> insert(token), blocking);
  }

  public CompletionStage<Optional<StoredToken>> find(String id) {
    return CompletableFuture.supplyAsync(
        () -> {
          List<StoredToken> found = query(FIND, id);
          return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        },
        blocking);
  }

  /** Every token, revoked ones included, oldest first. */
  public CompletionStage<List<StoredToken>> list() {
    return CompletableFuture.supplyAsync(() -> query(LIST, null), blocking);
  }

  /** True when the token was active and is now revoked; false when unknown or already revoked. */
  public CompletionStage<Boolean> revoke(String id, Instant at) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection connection = dataSource.getConnection();
              PreparedStatement update = connection.prepareStatement(REVOKE)) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, id);
            return update.executeUpdate() == 1;
          } catch (SQLException e) {
            throw new CompletionException("api token not revoked: " + e.getMessage(), e);
          }
        },
        blocking);
  }

  /** Blocking: for a node's start. */
  public long activeAdminCount() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement(ACTIVE_ADMINS);
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("api tokens not readable: " + e.getMessage(), e);
    }
  }

  /** Blocking: for a node's start. */
  public void insert(StoredToken token) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, token.id());
      insert.setString(2, token.name());
      insert.setString(3, token.role());
      insert.setString(4, String.join(",", token.sources()));
      insert.setString(5, String.join(",", token.stores()));
      insert.setString(6, token.salt());
      insert.setString(7, token.secretHash());
      insert.setTimestamp(8, Timestamp.from(token.createdAt()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new CompletionException("api token not stored: " + e.getMessage(), e);
    }
  }

  private List<StoredToken> query(String sql, String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      if (id != null) {
        select.setString(1, id);
      }
      List<StoredToken> tokens = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          Timestamp revoked = row.getTimestamp(9);
          tokens.add(
              new StoredToken(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  split(row.getString(4)),
                  split(row.getString(5)),
                  row.getString(6),
                  row.getString(7),
                  row.getTimestamp(8).toInstant(),
                  Optional.ofNullable(revoked).map(Timestamp::toInstant)));
        }
      }
      return tokens;
    } catch (SQLException e) {
      throw new CompletionException("api tokens not readable: " + e.getMessage(), e);
    }
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
