package io.shelfstream.persistence.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.schema.SchemaCreator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On a PostgreSQL whose autovacuum is off (as on this project's machines), a journal that grows
 * gets its statistics from the node, and a join over a range of it (here pekko-persistence-jdbc's
 * stock tag query) is then planned to stop at its limit instead of sorting the whole range.
 */
class PlannerStatisticsTest {
  private static final int EVENTS = 30_000;

  // the query pekko-persistence-jdbc runs for eventsByTag, in the shape Slick writes it
  private static final String TAG_QUERY =
      "EXPLAIN SELECT x2.x3, x2.x10 FROM (SELECT \"ordering\" AS x3, \"event_payload\" AS x10"
          + " FROM \"event_journal\" WHERE \"deleted\" = false) x2, \"event_tag\" x16"
          + " WHERE x16.\"tag\" = 'inventory-1' AND x2.x3 > 100 AND x2.x3 <= "
          + EVENTS
          + " AND x2.x3 = x16.\"event_id\" ORDER BY x2.x3 LIMIT 500";

  @Test
  void aGrowingJournalIsAnalyzedAndItsTagQueryStopsAtItsLimit() throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.kinds().anyMatch("postgres"::equals), "needs SHELFSTREAM_TEST_PG_URL");
    try (TestDatabase db = TestDatabase.create("postgres");
        HikariDataSource pool = ConnectionPool.open(db.settings(), 2, "statistics-test")) {
      SchemaCreator.createIfMissing(db.settings());
      try (Connection connection = pool.getConnection();
          Statement sql = connection.createStatement()) {
        sql.execute(
            "ALTER TABLE event_journal SET (autovacuum_enabled = false);"
                + " ALTER TABLE event_tag SET (autovacuum_enabled = false)");
        sql.execute(
            "INSERT INTO event_journal (persistence_id, sequence_number, writer, event_ser_id,"
                + " event_ser_manifest, event_payload) SELECT 'e' || (n % 997), n, 'w', 1, 'm',"
                + " '\\x00' FROM generate_series(1, "
                + EVENTS
                + ") n");
        sql.execute(
            "INSERT INTO event_tag (event_id, tag) SELECT ordering, 'inventory-' || (ordering % 4)"
                + " FROM event_journal");
        assertThat(plan(sql)).as("without statistics the whole range is sorted").contains("Sort");
      }
      var statistics =
          new PlannerStatistics(
              pool, new PlannerStatisticsSettings(true, Duration.ofSeconds(1), 1000, 0.1));
      List<String> analyzed = new ArrayList<>();
      // PostgreSQL publishes a backend's row counts up to about 10 s after its transaction
      Awaitility.await("the journal's tables are found stale and analyzed")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                analyzed.addAll(statistics.refreshStale());
                return analyzed.containsAll(List.of("event_journal", "event_tag"));
              });

      try (Connection connection = pool.getConnection();
          Statement sql = connection.createStatement()) {
        assertThat(plan(sql)).doesNotContain("Sort");
        try (ResultSet rows =
            sql.executeQuery(
                "SELECT reltuples FROM pg_class WHERE oid = 'event_journal'::regclass")) {
          rows.next();
          assertThat(rows.getDouble(1)).isEqualTo(EVENTS);
        }
      }
      assertThat(statistics.refreshStale())
          .as("tables analyzed since their last change are left alone")
          .doesNotContain("event_journal", "event_tag");
    }
  }

  private static String plan(Statement sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rows = sql.executeQuery(TAG_QUERY)) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
