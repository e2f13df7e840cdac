package io.shelfstream.persistence.dedupe;

import io.shelfstream.engine.dedupe.EventKey;
import io.shelfstream.engine.dedupe.IndexedEvents;
import io.shelfstream.persistence.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the dedupe index from a journal written before the index existed, once per database, before
 * the node takes events: without it, a redelivery of an event journaled then would be taken for new
 * once the entity forgot its id. Reads the journal a page at a time and logs its progress.
 */
public final class DedupeIndexBackfill {
  private static final Logger log = LoggerFactory.getLogger(DedupeIndexBackfill.class);
  static final String MIGRATION = "dedupe-index-from-journal";
  private static final int PAGE = 2000;
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final Dialect dialect;
  private final Serialization serialization;

  private DedupeIndexBackfill(DataSource dataSource, Dialect dialect, Serialization serialization) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.serialization = serialization;
  }

  /** Fills the index unless this database's index was filled (or started empty) before. */
  public static void runOnce(ActorSystem<?> system, DataSource dataSource, Dialect dialect) {
    try {
      new DedupeIndexBackfill(dataSource, dialect, SerializationExtension.get(system)).run();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot fill the dedupe index from the journal: " + e.getMessage(), e);
    }
  }

  private void run() throws SQLException {
    if (done()) {
      return;
    }
    long last = highestOrdering();
    if (last > 0) {
      log.info("Filling the dedupe index from the journal (orderings up to {}), once", last);
      fill(last);
    }
    markDone();
  }

  private void fill(long last) throws SQLException {
    long from = 0;
    long keys = 0;
    long started = System.nanoTime();
    long nextReport = started + PROGRESS_EVERY.toNanos();
    while (from < last) {
      List<EventKey> page = new ArrayList<>();
      long through = readPage(from, last, page);
      keys += insert(page);
      from = through;
      if (System.nanoTime() > nextReport) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = from / seconds;
        log.info(
            "Dedupe index: {}% of the journal, {} keys, {} orderings/s, about {}s left",
            100 * from / last,
            keys,
            Math.round(rate),
            Math.round((last - from) / Math.max(rate, 1)));
        nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
      }
    }
    log.info("Dedupe index filled: {} keys from the journal", keys);
  }

  /** The keys of the entries with orderings in (from, last], at most a page; the last read. */
  private long readPage(long from, long last, List<EventKey> keys) throws SQLException {
    String sql =
        "SELECT \"ordering\", \"persistence_id\", \"event_ser_id\", \"event_ser_manifest\","
            + " \"event_payload\" FROM \"event_journal\" WHERE \"ordering\" > ? AND \"ordering\" <= ?"
            + " ORDER BY \"ordering\" LIMIT "
            + PAGE;
    long through = last;
    int rows = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, from);
      select.setLong(2, last);
      try (ResultSet page = select.executeQuery()) {
        while (page.next()) {
          rows++;
          through = page.getLong(1);
          Object payload =
              serialization.deserialize(page.getBytes(5), page.getInt(3), page.getString(4)).get();
          if (payload instanceof IndexedEvents indexed) {
            indexed.forEachKey(page.getString(2), keys::add);
          }
        }
      }
    }
    return rows < PAGE ? last : through;
  }

  private int insert(List<EventKey> keys) throws SQLException {
    if (keys.isEmpty()) {
      return 0;
    }
    // a key already there is one a node wrote meanwhile: the same key, kept once
    String sql =
        switch (dialect) {
          case POSTGRES ->
              "INSERT INTO dedupe_index (event_day, event_key) VALUES (?, ?) ON CONFLICT DO NOTHING";
          case H2 -> "MERGE INTO \"dedupe_index\" KEY(\"event_day\", \"event_key\") VALUES (?, ?)";
        };
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      connection.setAutoCommit(false);
      for (EventKey key : keys) {
        insert.setInt(1, key.day());
        insert.setObject(2, key.digest());
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    }
    return keys.size();
  }

  private boolean done() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT 1 FROM \"schema_migration\" WHERE \"name\" = ?")) {
      select.setString(1, MIGRATION);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private long highestOrdering() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement select = connection.createStatement();
        ResultSet row = select.executeQuery("SELECT MAX(\"ordering\") FROM \"event_journal\"")) {
      return row.next() ? row.getLong(1) : 0;
    }
  }

  private void markDone() throws SQLException {
    String sql =
        switch (dialect) {
          case POSTGRES ->
              "INSERT INTO schema_migration (name, done_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
          case H2 -> "MERGE INTO \"schema_migration\" KEY(\"name\") VALUES (?, ?)";
        };
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, MIGRATION);
      insert.setTimestamp(2, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
  }
}
