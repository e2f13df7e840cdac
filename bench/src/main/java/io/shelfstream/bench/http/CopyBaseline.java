package io.shelfstream.bench.http;

import io.shelfstream.bench.load.WarmUp;
import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.ScenarioContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The physical limit of the same database for the same data: the journal and tag rows the node
 * wrote in its measured run (not its warm-up's), exported as they are with {@code COPY (SELECT ...)
 * TO STDOUT} and loaded with {@code COPY ... FROM STDIN} into a fresh schema made by the node's own
 * DDL, both tables in one transaction. The bench never encodes an event itself.
 */
final class CopyBaseline {
  private static final String MEASURED = "persistence_id NOT LIKE '%|" + WarmUp.SITE_PREFIX + "%'";

  /** pekko-persistence-jdbc's event_tag, which Shelfstream's DDL changed (see its comments). */
  private static final List<String> STOCK_TAG_TABLE =
      List.of(
          "DROP INDEX event_tag_tag_event_idx",
          "ALTER TABLE event_tag ADD PRIMARY KEY(event_id, tag)",
          "ALTER TABLE event_tag ADD CONSTRAINT fk_event_journal FOREIGN KEY(event_id)"
              + " REFERENCES event_journal(ordering) ON DELETE CASCADE");

  /**
   * The loads of one DDL: seconds of each, and PostgreSQL's CPU per event (median of the loads).
   */
  record Loads(List<Double> seconds, double postgresMicrosPerEvent, long events) {
    double eventsPerSecond() {
      return events / Stats.median(seconds);
    }
  }

  /** Rows exported, and the loads into the node's DDL and into the stock one. */
  record Result(long journalRows, long tagRows, long bytes, Loads nodeDdl, Loads stockDdl) {}

  private CopyBaseline() {}

  static Result measure(ScenarioContext context, Postgres.Schema written, long events)
      throws IOException, SQLException {
    Path journal = Files.createTempFile(context.runDir(), "journal-", ".copy");
    Path tags = Files.createTempFile(context.runDir(), "tags-", ".copy");
    try {
      String s = written.name();
      long journalRows =
          export(
              context,
              "COPY (SELECT * FROM "
                  + s
                  + ".event_journal WHERE "
                  + MEASURED
                  + " ORDER BY ordering) TO STDOUT",
              journal);
      long tagRows =
          export(
              context,
              "COPY (SELECT t.event_id, t.tag FROM "
                  + s
                  + ".event_tag t JOIN "
                  + s
                  + ".event_journal j ON j.ordering = t.event_id WHERE j."
                  + MEASURED
                  + ") TO STDOUT",
              tags);
      return new Result(
          journalRows,
          tagRows,
          Files.size(journal) + Files.size(tags),
          loads(context, journal, tags, events, false),
          loads(context, journal, tags, events, true));
    } finally {
      Files.deleteIfExists(journal);
      Files.deleteIfExists(tags);
    }
  }

  private static long export(ScenarioContext context, String sql, Path file)
      throws IOException, SQLException {
    try (Connection connection = context.postgres().connect();
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
    }
  }

  private static Loads loads(
      ScenarioContext context, Path journal, Path tags, long events, boolean stock)
      throws IOException, SQLException {
    List<Double> seconds = new ArrayList<>();
    List<Double> micros = new ArrayList<>();
    for (int i = 0; i < context.sizes().copyLoads(); i++) {
      try (Postgres.Schema fresh = context.postgres().freshSchema()) {
        fresh.createNodeTables();
        try (Connection connection = context.postgres().connect();
            Statement statement = connection.createStatement()) {
          statement.execute("SET search_path TO " + fresh.name());
          for (String sql : stock ? STOCK_TAG_TABLE : List.<String>of()) {
            statement.execute(sql);
          }
          // from a checkpoint: a load does not pay for the dirty pages of what ran before it
          context.postgres().checkpoint();
          connection.setAutoCommit(false);
          CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
          ProcessCpu cpu = ProcessCpu.start(Map.of());
          long started = System.nanoTime();
          copyIn(copy, "COPY event_journal FROM STDIN", journal);
          copyIn(copy, "COPY event_tag (event_id, tag) FROM STDIN", tags);
          connection.commit();
          seconds.add((System.nanoTime() - started) / 1e9);
          micros.add(cpu.stop().cpuSeconds().get(ProcessCpu.POSTGRES) * 1e6 / events);
        }
      }
    }
    return new Loads(seconds, Stats.median(micros), events);
  }

  private static void copyIn(CopyManager copy, String sql, Path file)
      throws IOException, SQLException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      copy.copyIn(sql, in);
    }
  }
}
