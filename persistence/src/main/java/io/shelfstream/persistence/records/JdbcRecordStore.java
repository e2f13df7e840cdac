package io.shelfstream.persistence.records;

import io.shelfstream.engine.entity.RecordStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * The record store in the {@code record_state} table, which the group-commit journal writes in the
 * transaction of the entry that evicts a record. One query per load, whatever the number of
 * records.
 */
public final class JdbcRecordStore implements RecordStore {
  private static final String ROWS =
      "SELECT \"record_id\", \"as_of_seq\", \"state\" FROM \"record_state\""
          + " WHERE \"persistence_id\" = ? AND \"record_id\" = ANY(?)";

  private final DataSource dataSource;
  private final Executor blocking;

  /** {@code blocking} runs the queries; it must not be an actor dispatcher's. */
  public JdbcRecordStore(DataSource dataSource, Executor blocking) {
    this.dataSource = dataSource;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Map<String, Row>> load(String persistenceId, Set<String> recordIds) {
    if (recordIds.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    return CompletableFuture.supplyAsync(() -> query(persistenceId, recordIds), blocking);
  }

  private Map<String, Row> query(String persistenceId, Set<String> recordIds) {
    Map<String, Row> rows = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(ROWS)) {
      Array ids = connection.createArrayOf("varchar", recordIds.toArray(String[]::new));
      select.setString(1, persistenceId);
      select.setArray(2, ids);
      try (ResultSet found = select.executeQuery()) {
        while (found.next()) {
          rows.put(found.getString(1), new Row(found.getLong(2), found.getBytes(3)));
        }
      }
      ids.free();
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
    return rows;
  }
}
