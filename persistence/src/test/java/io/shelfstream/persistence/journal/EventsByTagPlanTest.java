package io.shelfstream.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.schema.SchemaCreator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.jdbc.db.SlickExtension;
import org.apache.pekko.persistence.jdbc.db.SlickExtensionImpl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the read journal's connections never plan a merge join: its tag query bounds the
 * journal's ordering but not event_tag.event_id, and a merge join walks event_tag from the first
 * event on every poll, slower the longer the journal (see JournalConfig).
 */
class ReadJournalConnectionsTest {
  private static final int EVENTS = 30_000;

  // the query pekko-persistence-jdbc runs for eventsByTag, in the shape Slick writes it, polling
  // near the end of the journal as a projection that keeps up does
  private static final String TAG_QUERY =
      "EXPLAIN SELECT x2.x3, x2.x10 FROM (SELECT \"ordering\" AS x3, \"event_payload\" AS x10"
          + " FROM \"event_journal\" WHERE \"deleted\" = false) x2, \"event_tag\" x16"
          + " WHERE x16.\"tag\" = 'inventory-1' AND x2.x3 > "
          + (EVENTS - 2_000)
          + " AND x2.x3 <= "
          + EVENTS
          + " AND x2.x3 = x16.\"event_id\" ORDER BY x2.x3 LIMIT 500";

  @Test
  void theReadJournalsConnectionsDoNotMergeJoin() throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.kinds().anyMatch("postgres"::equals), "needs SHELFSTREAM_TEST_PG_URL");
    try (TestDatabase db = TestDatabase.create("postgres")) {
      SchemaCreator.createIfMissing(db.settings());
      Config config =
          JournalConfig.forDatabase(db.settings()).withFallback(ConfigFactory.load()).resolve();
      ActorSystem<Void> system =
          ActorSystem.create(Behaviors.empty(), "read-journal-connections", config);
      try {
        var slick = (SlickExtensionImpl) SlickExtension.get(system);
        try (Connection connection =
                slick
                    .database(config.getConfig("jdbc-read-journal"))
                    .database()
                    .source()
                    .createConnection();
            Statement sql = connection.createStatement()) {
          assertThat(single(sql, "SHOW enable_mergejoin")).isEqualTo("off");
          sql.execute(
              "INSERT INTO event_journal (persistence_id, sequence_number, writer, event_ser_id,"
                  + " event_ser_manifest, event_payload) SELECT 'e' || (n % 97), n, 'w', 1, 'm',"
                  + " '\\x00' FROM generate_series(1, "
                  + EVENTS
                  + ") n");
          sql.execute(
              "INSERT INTO event_tag (event_id, tag) SELECT ordering, 'inventory-' || (ordering"
                  + " % 4) FROM event_journal");
          sql.execute("ANALYZE event_journal; ANALYZE event_tag");
          String plan = plan(sql);
          assertThat(plan).doesNotContain("Merge Join").contains("event_journal_ordering_idx");
        }
      } finally {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static String single(Statement sql, String query) throws Exception {
    try (ResultSet row = sql.executeQuery(query)) {
      row.next();
      return row.getString(1);
    }
  }

  private static String plan(Statement sql) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rows = sql.executeQuery(TAG_QUERY)) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
