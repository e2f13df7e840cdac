package io.shelfstream.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.shelfstream.engine.dedupe.DedupeIndex;
import io.shelfstream.engine.entity.RecordStore;
import io.shelfstream.persistence.db.ConnectionPool;
import io.shelfstream.persistence.db.DatabaseSettings;
import io.shelfstream.persistence.dedupe.JdbcDedupeIndex;
import io.shelfstream.persistence.records.JdbcRecordStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one test: an embedded H2 file database in a temporary folder, or,
 * when {@code SHELFSTREAM_TEST_PG_URL} is set, a new schema in that PostgreSQL. Closing it removes
 * it.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String PG_URL_ENV = "SHELFSTREAM_TEST_PG_URL";
  public static final String PG_USER_ENV = "SHELFSTREAM_TEST_PG_USER";
  public static final String PG_PASSWORD_ENV = "SHELFSTREAM_TEST_PG_PASSWORD";

  private final String kind;
  private final DatabaseSettings settings;
  private final Runnable cleanUp;
  private HikariDataSource indexPool;

  private TestDatabase(String kind, DatabaseSettings settings, Runnable cleanUp) {
    this.kind = kind;
    this.settings = settings;
    this.cleanUp = cleanUp;
  }

  /** The kinds to run database tests against: h2 always, postgres when configured. */
  public static Stream<String> kinds() {
    List<String> kinds = new ArrayList<>(List.of("h2"));
    String pg = System.getenv(PG_URL_ENV);
    if (pg != null && !pg.isBlank()) {
      kinds.add("postgres");
    }
    return kinds.stream();
  }

  public static TestDatabase create(String kind) {
    return switch (kind) {
      case "h2" -> h2();
      case "postgres" -> postgres();
      default -> throw new IllegalArgumentException("unknown database kind " + kind);
    };
  }

  public static TestDatabase h2() {
    try {
      Path dir = Files.createTempDirectory("shelfstream-h2-");
      return new TestDatabase("h2", DatabaseSettings.embeddedH2(dir, 8), () -> deleteTree(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TestDatabase postgres() {
    String url = System.getenv(PG_URL_ENV);
    String user = envOr(PG_USER_ENV, "postgres");
    String password = envOr(PG_PASSWORD_ENV, "");
    String schema =
        "shelfstream_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute(url, user, password, "CREATE SCHEMA " + schema);
    String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(
        "postgres",
        new DatabaseSettings(schemaUrl, user, password, 8),
        () -> execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
  }

  public String kind() {
    return kind;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** The node's dedupe index over this database (its queries on the common pool). */
  public synchronized DedupeIndex dedupeIndex() {
    if (indexPool == null) {
      indexPool = ConnectionPool.open(settings, 2, "test-dedupe-index");
    }
    return new JdbcDedupeIndex(indexPool, ForkJoinPool.commonPool());
  }

  /** The node's record store over this database. */
  public synchronized RecordStore recordStore() {
    dedupeIndex(); // opens the pool
    return new JdbcRecordStore(indexPool, ForkJoinPool.commonPool());
  }

  @Override
  public synchronized void close() {
    if (indexPool != null) {
      indexPool.close();
    }
    cleanUp.run();
  }

  @Override
  public String toString() {
    return kind;
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + url + " is not usable for tests: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
