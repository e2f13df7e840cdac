package io.shelfstream.persistence.projection;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/** One pooled connection, autocommit off, for one projection transaction. */
public final class PooledJdbcSession implements JdbcSession {
  private final Connection connection;

  public PooledJdbcSession(DataSource dataSource) {
    try {
      this.connection = dataSource.getConnection();
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "no database connection for a projection: " + e.getMessage(), e);
    }
  }

  @Override
  public <Result> Result withConnection(Function<Connection, Result> function) throws Exception {
    return function.apply(connection);
  }

  @Override
  public void commit() throws SQLException {
    connection.commit();
  }

  @Override
  public void rollback() throws SQLException {
    connection.rollback();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
