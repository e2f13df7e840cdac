package io.shelfstream.persistence.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a database answers, kept current by a thread of its own: every {@code interval} it checks
 * a connection of its own (reconnecting when it broke), each step bounded by {@code timeout}.
 * Asking costs a volatile read, so health checks and ingestion can ask on every request; the checks
 * never run on an actor's thread, nor wait for a pool that the database's outage has drained.
 */
public final class DatabaseProbe implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

  /**
   * What the last check found. {@code since} is when the database became reachable or unreachable;
   * {@code error} says why it is unreachable (null when reachable).
   */
  public record Status(boolean reachable, Instant since, Instant checkedAt, String error) {}

  private final DatabaseSettings db;
  private final int timeoutSeconds;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private final List<Consumer<Status>> listeners = new CopyOnWriteArrayList<>();
  private volatile Status status;
  private Connection connection; // the probe thread's only

  private DatabaseProbe(DatabaseSettings db, Duration timeout, Clock clock) {
    this.db = db;
    // JDBC counts these timeouts in whole seconds
    this.timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    this.clock = clock;
    Instant now = clock.instant();
    this.status = new Status(false, now, now, "not checked yet");
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread probe = new Thread(task, "shelfstream-database-probe");
              probe.setDaemon(true);
              return probe;
            });
  }

  /**
   * Checks {@code db} now, and returns once that first check is done, so that a node never starts
   * out refusing writes to a database that answers; then every {@code interval}, until closed.
   */
  public static DatabaseProbe start(
      DatabaseSettings db, Duration interval, Duration timeout, Clock clock) {
    var probe = new DatabaseProbe(db, timeout, clock);
    try {
      // its connect, login and validity checks are each bounded by the timeout
      probe.thread.submit(probe::check).get(3L * probe.timeoutSeconds + 1, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.warn("the first check of {} did not end: {}", db.describe(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    probe.thread.scheduleWithFixedDelay(
        probe::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return probe;
  }

  public Status status() {
    return status;
  }

  /** Called on the probe's thread each time the database becomes reachable or unreachable. */
  public void onChange(Consumer<Status> listener) {
    listeners.add(listener);
  }

  private void check() {
    String error = null;
    if (connection == null || !answers(connection)) {
      // a connection that broke says little (often just that it timed out): a new one says why
      closeConnection();
      try {
        connection = DriverManager.getConnection(db.url(), properties());
        if (!answers(connection)) {
          error = "the database did not answer within " + timeoutSeconds + " s";
        }
      } catch (SQLException | RuntimeException e) {
        error = describe(e);
      }
      if (error != null) {
        closeConnection();
      }
    }
    record(error);
  }

  private boolean answers(Connection candidate) {
    try {
      return candidate.isValid(timeoutSeconds);
    } catch (SQLException e) {
      return false;
    }
  }

  private void record(String error) {
    Instant now = clock.instant();
    Status previous = status;
    boolean reachable = error == null;
    Status next =
        new Status(
            reachable, previous.reachable() == reachable ? previous.since() : now, now, error);
    status = next;
    if (previous.reachable() != reachable) {
      if (reachable) {
        log.info("the database {} is reachable", db.describe());
      } else {
        log.warn("the database {} is unreachable: {}", db.describe(), error);
      }
      for (Consumer<Status> listener : listeners) {
        try {
          listener.accept(next);
        } catch (RuntimeException e) {
          log.error("a listener of the database probe failed", e);
        }
      }
    }
  }

  private Properties properties() {
    Properties properties = new Properties();
    if (db.user() != null) {
      properties.setProperty("user", db.user());
    }
    if (db.password() != null) {
      properties.setProperty("password", db.password());
    }
    if (db.dialect() == Dialect.POSTGRES) {
      String seconds = Integer.toString(timeoutSeconds);
      properties.setProperty("connectTimeout", seconds);
      properties.setProperty("loginTimeout", seconds);
      properties.setProperty("socketTimeout", Integer.toString(timeoutSeconds + 1));
      properties.setProperty("ApplicationName", "shelfstream-probe");
    }
    return properties;
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = error.getMessage();
    return root == error || root.getMessage() == null || root.getMessage().equals(message)
        ? message
        : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException alreadyBroken) {
        // it is being replaced
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(timeoutSeconds + 1L, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeConnection();
  }
}
