package io.shelfstream.persistence.statistics;

import io.shelfstream.persistence.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContext;

/**
 * Keeps PostgreSQL's planner statistics of the node's tables fresh, whether or not autovacuum runs.
 *
 * <p>Why: a join over a range of the journal is planned from them. Without them, as on a journal
 * that grew since its last ANALYZE, pekko-persistence-jdbc's stock eventsByTag query scanned the
 * whole range and sorted it (seconds to minutes per query, measured here on 600k events). The
 * node's own tag query (TagIndexReadJournalDao) no longer depends on them, but the stock journal
 * and read journal can be configured back, and ops query the read models and dead letters.
 * Autovacuum would analyze these tables, but it can be off, or behind a journal that grows by tens
 * of thousands of rows a second.
 *
 * <p>H2 keeps its own statistics up to date (ANALYZE_AUTO), so this only acts on PostgreSQL.
 */
public final class PlannerStatistics {
  private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

  private static final String STALE_TABLES =
      "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()"
          + " AND n_mod_since_analyze > ? + ? * GREATEST(n_live_tup, 0) ORDER BY relname";

  private final DataSource dataSource;
  private final PlannerStatisticsSettings settings;

  public PlannerStatistics(DataSource dataSource, PlannerStatisticsSettings settings) {
    this.dataSource = dataSource;
    this.settings = settings;
  }

  /**
   * On PostgreSQL, checks every {@code check-interval} (on {@code blocking}, never on the actors'
   * threads) until the actor system stops. A failed check is logged and tried again next time.
   */
  public static void keepFresh(
      ActorSystem<?> system, DataSource dataSource, Dialect dialect, Executor blocking) {
    var settings = PlannerStatisticsSettings.fromConfig(system.settings().config());
    if (!settings.enabled() || dialect != Dialect.POSTGRES) {
      return;
    }
    var statistics = new PlannerStatistics(dataSource, settings);
    system
        .scheduler()
        .scheduleWithFixedDelay(
            settings.checkInterval(),
            settings.checkInterval(),
            () -> {
              try {
                statistics.refreshStale();
              } catch (SQLException | RuntimeException e) {
                log.warn("could not refresh the planner statistics: {}", e.getMessage());
              }
            },
            ExecutionContext.fromExecutor(blocking));
  }

  /** Analyzes every table of the current schema whose statistics are stale; returns their names. */
  public List<String> refreshStale() throws SQLException {
    List<String> analyzed = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      for (String table : staleTables(connection)) {
        try (Statement analyze = connection.createStatement()) {
          analyze.execute("ANALYZE \"" + table.replace("\"", "\"\"") + "\"");
        }
        analyzed.add(table);
      }
    }
    if (!analyzed.isEmpty()) {
      log.debug("analyzed {}", analyzed);
    }
    return analyzed;
  }

  private List<String> staleTables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(STALE_TABLES)) {
      select.setLong(1, settings.thresholdRows());
      select.setDouble(2, settings.scaleFactor());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    return tables;
  }
}
