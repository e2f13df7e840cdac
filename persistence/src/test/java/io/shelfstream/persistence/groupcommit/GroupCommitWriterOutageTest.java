package io.shelfstream.persistence.groupcommit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shelfstream.persistence.TcpProxy;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.ConnectionPool;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * While the database is down, a batch's writes fail together after one attempt to reach it: retried
 * one by one, each would wait for a connection in turn and hold the writer, and the writes queued
 * behind it, long after their callers gave up.
 */
class GroupCommitWriterOutageTest {

  @Test
  void aBatchThatCannotReachTheDatabaseFailsAllItsWritesAtOnce() throws Exception {
    assumeTrue(TestDatabase.kinds().anyMatch("postgres"::equals), "needs SHELFSTREAM_TEST_PG_URL");
    try (TestDatabase db = TestDatabase.postgres();
        TcpProxy proxy = TcpProxy.toDatabaseOf(db.settings());
        var pool = ConnectionPool.open(proxy.inFrontOf(db.settings()), 2, "outage-test")) {
      var connections = new CountingDataSource(pool);
      GroupCommitWriter.Insert<String> insert =
          (connection, items) -> connection.createStatement().execute("SELECT 1");
      try (var writer = new GroupCommitWriter<>("test", "items", connections, insert, 0, 100)) {
        var before = writer.write(List.of("a")).toCompletableFuture();
        writer.flushQueued();
        before.get(5, TimeUnit.SECONDS);

        proxy.cut();
        List<CompletableFuture<Void>> during =
            List.of(
                writer.write(List.of("b")).toCompletableFuture(),
                writer.write(List.of("c")).toCompletableFuture(),
                writer.write(List.of("d")).toCompletableFuture());
        int attemptsBefore = connections.attempts.get();
        writer.flushQueued();

        for (var write : during) {
          assertThat(write.handle((done, error) -> error).get(10, TimeUnit.SECONDS))
              .as("a write while the database is down fails")
              .isNotNull();
        }
        assertThat(connections.attempts.get() - attemptsBefore)
            .as("one connection attempt for the batch, none for each of its writes")
            .isEqualTo(1);

        proxy.restore();
        var after = writer.write(List.of("e")).toCompletableFuture();
        writer.flushQueued();
        after.get(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Counts the connections asked of a real pool. */
  private static final class CountingDataSource implements DataSource {
    final AtomicInteger attempts = new AtomicInteger();
    private final DataSource pool;

    CountingDataSource(DataSource pool) {
      this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
      attempts.incrementAndGet();
      return pool.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      attempts.incrementAndGet();
      return pool.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return pool.isWrapperFor(type);
    }
  }
}
