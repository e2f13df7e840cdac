package io.shelfstream.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL every connection of a node says which of its pools it belongs to, so that an
 * operator reading pg_stat_activity (or splitting the database's CPU per backend) can tell the
 * journal writer from the read side and from Shelfstream's own tables.
 */
class ConnectionNamesTest {

  @Test
  void eachPoolsConnectionsCarryItsNameAsTheirApplicationName() throws Exception {
    Assumptions.assumeTrue(
        TestDatabase.kinds().anyMatch("postgres"::equals), "needs SHELFSTREAM_TEST_PG_URL");
    try (TestDatabase db = TestDatabase.create("postgres")) {
      try (var pool = ConnectionPool.open(db.settings(), 1, "shelfstream-journal");
          Connection connection = pool.getConnection()) {
        assertThat(applicationName(connection)).isEqualTo("shelfstream-journal");
      }

      Config config =
          JournalConfig.forDatabase(db.settings()).withFallback(ConfigFactory.load()).resolve();
      ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "connection-names", config);
      try {
        try (Connection connection = ReadSideConnections.open(system, config)) {
          assertThat(applicationName(connection))
              .isEqualTo(JournalConfig.READ_SIDE_APPLICATION_NAME);
        }
      } finally {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static String applicationName(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT current_setting('application_name')")) {
      row.next();
      return row.getString(1);
    }
  }
}
