package io.shelfstream.persistence.dedupe;

import io.shelfstream.engine.dedupe.DedupeIndex;
import io.shelfstream.engine.dedupe.EventKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * The dedupe index in the {@code dedupe_index} table, which the group-commit journal fills in the
 * transaction of each entry. One query per lookup, whatever the number of keys: by the days and
 * digests asked for (their product, which the primary key serves; the days of one lookup are few),
 * then each row found is kept only if it is one of the keys.
 */
public final class JdbcDedupeIndex implements DedupeIndex {
  private static final String JOURNALED =
      "SELECT \"event_day\", \"event_key\" FROM \"dedupe_index\""
          + " WHERE \"event_day\" = ANY(?) AND \"event_key\" = ANY(?)";

  private final DataSource dataSource;
  private final Executor blocking;

  /** {@code blocking} runs the queries; it must not be an actor dispatcher's. */
  public JdbcDedupeIndex(DataSource dataSource, Executor blocking) {
    this.dataSource = dataSource;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<Set<EventKey>> journaled(Set<EventKey> keys) {
    if (keys.isEmpty()) {
      return CompletableFuture.completedFuture(Set.of());
    }
    return CompletableFuture.supplyAsync(() -> query(keys), blocking);
  }

  private Set<EventKey> query(Set<EventKey> keys) {
    Integer[] days = keys.stream().map(EventKey::day).distinct().toArray(Integer[]::new);
    UUID[] digests = keys.stream().map(EventKey::digest).toArray(UUID[]::new);
    Set<EventKey> found = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(JOURNALED)) {
      Array dayArray = connection.createArrayOf("integer", days);
      Array digestArray = connection.createArrayOf("uuid", digests);
      select.setArray(1, dayArray);
      select.setArray(2, digestArray);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          EventKey key = EventKey.of(rows.getInt(1), rows.getObject(2, UUID.class));
          if (keys.contains(key)) {
            found.add(key);
          }
        }
      }
      dayArray.free();
      digestArray.free();
    } catch (SQLException e) {
      throw new CompletionException(e);
    }
    return found;
  }
}
