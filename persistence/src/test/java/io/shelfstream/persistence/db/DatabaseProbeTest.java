package io.shelfstream.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shelfstream.persistence.TcpProxy;
import io.shelfstream.persistence.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The probe follows its database within about a second, both ways, and says why it is down. */
class DatabaseProbeTest {
  private static final Duration INTERVAL = Duration.ofMillis(200);
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @Test
  void aDatabaseThatAnswersIsReachableFromTheStart() {
    try (TestDatabase db = TestDatabase.h2();
        var probe = DatabaseProbe.start(db.settings(), INTERVAL, TIMEOUT, Clock.systemUTC())) {
      // checked before start returns: a node never starts out refusing writes
      assertThat(probe.status().reachable()).isTrue();
      assertThat(probe.status().error()).isNull();
    }
  }

  @Test
  void followsADatabaseThatGoesAwayAndComesBack() {
    assumeTrue(TestDatabase.kinds().anyMatch("postgres"::equals), "needs SHELFSTREAM_TEST_PG_URL");
    try (TestDatabase db = TestDatabase.postgres();
        TcpProxy proxy = TcpProxy.toDatabaseOf(db.settings());
        var probe =
            DatabaseProbe.start(
                proxy.inFrontOf(db.settings()), INTERVAL, TIMEOUT, Clock.systemUTC())) {
      List<DatabaseProbe.Status> changes = new CopyOnWriteArrayList<>();
      probe.onChange(changes::add);
      await().atMost(Duration.ofSeconds(5)).until(() -> probe.status().reachable());
      var upSince = probe.status().since();

      proxy.cut();
      await().atMost(Duration.ofSeconds(2)).until(() -> !probe.status().reachable());
      var down = probe.status();
      assertThat(down.error()).contains("refused");
      assertThat(down.since()).isAfter(upSince);
      await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> probe.status().checkedAt().isAfter(down.checkedAt()));
      assertThat(probe.status().since()).as("still down since then").isEqualTo(down.since());

      proxy.restore();
      await().atMost(Duration.ofSeconds(2)).until(() -> probe.status().reachable());
      assertThat(changes)
          .extracting(DatabaseProbe.Status::reachable)
          .as("each change once, in order")
          .endsWith(false, true);
    }
  }
}
