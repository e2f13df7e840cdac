package io.shelfstream.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.journal.groupcommit.TagIndexReadJournalDao;
import io.shelfstream.persistence.schema.SchemaCreator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the read journal's eventsByTag reads only its tag's rows, on the (tag, event_id)
 * index, and fetches their events by ordering: never a merge or hash join that walks or scans the
 * journal from its first event, which got slower on every poll the longer the journal (see
 * JournalConfig and TagIndexReadJournalDao).
 */
class EventsByTagPlanTest {
  private static final int EVENTS = 30_000;

  @Test
  void aSlicePollReadsItsTagsRowsOnTheTagIndex() throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.kinds().anyMatch("postgres"::equals), "needs SHELFSTREAM_TEST_PG_URL");
    try (TestDatabase db = TestDatabase.create("postgres")) {
      SchemaCreator.createIfMissing(db.settings());
      Config config =
          JournalConfig.forDatabase(db.settings()).withFallback(ConfigFactory.load()).resolve();
      ActorSystem<Void> system =
          ActorSystem.create(Behaviors.empty(), "read-journal-connections", config);
      try {
        try (Connection connection = ReadSideConnections.open(system, config);
            Statement sql = connection.createStatement()) {
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
          // polling near the end of the journal, as a projection that keeps up does, and from
          // its start, as a new one does
          for (long from : new long[] {EVENTS - 2_000, 0}) {
            String plan = plan(connection, from);
            assertThat(plan)
                .as("plan of a poll from " + from)
                .contains("Nested Loop", "event_tag_tag_event_idx", "event_journal_ordering_idx")
                .doesNotContain("Merge Join", "Hash Join", "Seq Scan");
          }
        }
      } finally {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static String plan(Connection connection, long from) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement explain =
        connection.prepareStatement("EXPLAIN " + TagIndexReadJournalDao.EVENTS_BY_TAG)) {
      explain.setString(1, "inventory-1");
      explain.setLong(2, from);
      explain.setLong(3, EVENTS);
      explain.setLong(4, 500);
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }
}
