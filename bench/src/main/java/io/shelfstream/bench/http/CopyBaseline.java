package io.shelfstream.bench.http;

import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.load.WarmUp;
import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.ScenarioContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * The physical limit of the same database for the same data: the events the node journaled in its
 * measured run (not its warm-up's), one journal row and one tag row per event as the stock journal
 * writes them ({@link EventRows}), loaded with {@code COPY ... FROM STDIN} into a fresh schema made
 * by the node's own DDL, both tables in one transaction.
 */
public final class CopyBaseline {
  private static final String MEASURED = "persistence_id NOT LIKE '%|" + WarmUp.SITE_PREFIX + "%'";

  /** pekko-persistence-jdbc's event_tag, which Shelfstream's DDL changed (see its comments). */
  private static final List<String> STOCK_TAG_TABLE =
      List.of(
          "DROP INDEX event_tag_tag_event_idx",
          "ALTER TABLE event_tag ADD PRIMARY KEY(event_id, tag)",
          "ALTER TABLE event_tag ADD CONSTRAINT fk_event_journal FOREIGN KEY(event_id)"
              + " REFERENCES event_journal(ordering) ON DELETE CASCADE");

  /** What was copied, each load's seconds (the median counts), and the engine beside it. */
  public record Result(
      long journalRows,
      long tagRows,
      long megabytes,
      long events,
      List<Double> loadSeconds,
      double eventsPerSecond,
      double engineOverCopy,
      double postgresMicrosPerEventEngine,
      double postgresMicrosPerEventCopy,
      List<Double> stockDdlLoadSeconds,
      double stockDdlEventsPerSecond,
      double engineOverStockDdl) {}

  private CopyBaseline() {}

  static Result measure(ScenarioContext context, Postgres.Schema written, SimulatedLoad.Run run)
      throws IOException, SQLException {
    return measure(
        context, written, run.acceptedEvents(), run.seconds(), run.postgresCpuSeconds(), true);
  }

  /**
   * COPY of what a node wrote into {@code written} (but its warm-up's locations), compared with its
   * {@code events} accepted in {@code seconds}, PostgreSQL busy {@code postgresCpuSeconds}
   * meanwhile: for any source that ends in the journal (the files scenario's too). Without {@code
   * stockDdl}, no loads into the stock DDL (their figures NaN): half a minute less for a million.
   */
  public static Result measure(
      ScenarioContext context,
      Postgres.Schema written,
      long events,
      double engineSeconds,
      double postgresCpuSeconds,
      boolean stockDdl)
      throws IOException, SQLException {
    Path journal = Files.createTempFile(context.runDir(), "journal-", ".copy");
    Path tags = Files.createTempFile(context.runDir(), "tags-", ".copy");
    try {
      EventRows.Written rows;
      try (Connection connection = context.postgres().connect()) {
        rows = EventRows.write(connection, written.name(), MEASURED, journal, tags);
      }
      long journalRows = rows.journalRows();
      long tagRows = rows.tagRows();
      List<Double> micros = new ArrayList<>();
      List<Double> seconds = loads(context, journal, tags, List.of(), micros);
      List<Double> stock =
          stockDdl ? loads(context, journal, tags, STOCK_TAG_TABLE, new ArrayList<>()) : List.of();
      return new Result(
          journalRows,
          tagRows,
          (Files.size(journal) + Files.size(tags)) / 1_000_000,
          events,
          seconds,
          events / Stats.median(seconds),
          Stats.median(seconds) / engineSeconds, // engine's events/s ÷ COPY's, same events
          postgresCpuSeconds * 1e6 / events,
          Stats.median(micros) / events,
          stock,
          events / Stats.median(stock),
          Stats.median(stock) / engineSeconds);
    } finally {
      Files.deleteIfExists(journal);
      Files.deleteIfExists(tags);
    }
  }

  /** Seconds of each load into a fresh schema altered by {@code ddl}; PostgreSQL's CPU µs. */
  private static List<Double> loads(
      ScenarioContext context, Path journal, Path tags, List<String> ddl, List<Double> micros)
      throws IOException, SQLException {
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < context.sizes().copyLoads(); i++) {
      try (Postgres.Schema fresh = context.postgres().freshSchema();
          Connection connection = context.postgres().connect();
          Statement statement = connection.createStatement()) {
        fresh.createNodeTables();
        statement.execute("SET search_path TO " + fresh.name());
        for (String sql : ddl) {
          statement.execute(sql);
        }
        context.postgres().checkpoint(); // a load does not pay for the dirty pages before it
        connection.setAutoCommit(false);
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        ProcessCpu cpu = ProcessCpu.start(Map.of());
        long started = System.nanoTime();
        try (InputStream rows = Files.newInputStream(journal);
            InputStream tagRows = Files.newInputStream(tags)) {
          copy.copyIn(
              "COPY event_journal (ordering, persistence_id, sequence_number, deleted, writer,"
                  + " write_timestamp, event_ser_id, event_ser_manifest, event_payload) FROM STDIN",
              rows,
              1 << 20);
          copy.copyIn("COPY event_tag (event_id, tag) FROM STDIN", tagRows, 1 << 20);
        }
        connection.commit();
        seconds.add((System.nanoTime() - started) / 1e9);
        micros.add(cpu.stop().cpuSeconds().get(ProcessCpu.POSTGRES) * 1e6);
      }
    }
    return seconds;
  }
}
