package io.shelfstream.persistence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.ledger.FileCounts;
import io.shelfstream.engine.ledger.FileEntry;
import io.shelfstream.engine.ledger.FileState;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.schema.SchemaCreator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcFileLedgerTest {

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void keepsTheLatestEntryOfEachFileWithItsExactModificationTime(String kind) throws Exception {
    var executor = Executors.newFixedThreadPool(2);
    try (TestDatabase db = TestDatabase.create(kind);
        var pool = ConnectionPool.open(db.settings(), 2, "test")) {
      SchemaCreator.createIfMissing(db.settings());
      var ledger = new JdbcFileLedger(pool, executor);
      // a file system's time has nanoseconds: a version must be recognised exactly
      Instant modified = Instant.parse("2026-03-01T08:00:00.123456789Z");
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      var reading =
          new FileEntry(
              "feeds",
              "A.csv",
              100,
              modified,
              FileState.READING,
              null,
              7,
              420,
              new FileCounts(5, 1, 1, 0),
              now);
      var done =
          new FileEntry(
              "feeds",
              "A.csv",
              100,
              modified,
              FileState.DONE,
              "ab".repeat(32),
              9,
              100,
              new FileCounts(7, 1, 1, 0),
              now);

      assertThat(find(ledger, "feeds", "A.csv")).isEmpty();
      ledger.record(reading).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(find(ledger, "feeds", "A.csv")).contains(reading);
      ledger.record(done).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(find(ledger, "feeds", "A.csv")).contains(done);
      assertThat(find(ledger, "feeds", "A.csv").get().sameVersion(100, modified)).isTrue();
      assertThat(find(ledger, "other", "A.csv")).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  private static Optional<FileEntry> find(JdbcFileLedger ledger, String id, String name)
      throws Exception {
    return ledger.find(id, name).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
