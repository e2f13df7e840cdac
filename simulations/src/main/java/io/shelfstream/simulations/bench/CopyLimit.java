package io.shelfstream.simulations.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The physical limit of the same database for the same data: the events a node journaled in its
 * measured run (its warm-up's are left out), as the journal and tag rows pekko-persistence-jdbc's
 * journal writes for them, one of each per event ({@link StockRows}), loaded into a fresh schema
 * with the node's own DDL by {@code COPY ... FROM STDIN} in one transaction, {@link #LOADS} times.
 * The node itself writes fewer rows (one per command's events); the baseline is one per event. Also
 * into pekko-persistence-jdbc's own DDL, whose event_tag has a foreign key to event_journal that
 * Shelfstream's drops and the key (event_id, tag) where Shelfstream's has (tag, event_id): the
 * limit issue 5 first measured, for comparison with earlier figures.
 */
final class CopyLimit {

  /** The journal columns COPY loads, in the order of its files (see StockRows). */
  static final String JOURNAL_COLUMNS =
      "ordering, persistence_id, sequence_number, deleted, writer, write_timestamp,"
          + " adapter_manifest, event_ser_id, event_ser_manifest, event_payload, meta_ser_id,"
          + " meta_ser_manifest, meta_payload";

  // the rows of the measured run only: not those of the node's warm-up
  private static final String NOT_WARM_UP =
      "persistence_id NOT LIKE '" + NodeWarmUp.PERSISTENCE_ID_PATTERN + "'";

  /**
   * What was loaded, and how long a load took (both COPYs and the commit): the median of {@link
   * #LOADS} loads of the same rows, each into a fresh schema ({@code loadSeconds}, in order); and
   * the CPU each load took, of every postgres process and of the client (the harness JVM reading
   * the files and sending them), in core-seconds.
   */
  record Result(
      long journalRows,
      long tagRows,
      long nodeJournalRows,
      long bytes,
      List<Double> loadSeconds,
      List<Double> postgresCpuSeconds,
      List<Double> clientCpuSeconds) {
    double seconds() {
      return Series.of(loadSeconds).median();
    }

    double eventsPerSecond() {
      return journalRows / seconds();
    }

    /** PostgreSQL's CPU per event stored, median of the loads. */
    double postgresMicrosPerEvent() {
      return perEvent(postgresCpuSeconds);
    }

    double clientMicrosPerEvent() {
      return perEvent(clientCpuSeconds);
    }

    /** Cores PostgreSQL kept busy while loading, median of the loads. */
    double postgresCores() {
      List<Double> cores = new ArrayList<>();
      for (int i = 0; i < loadSeconds.size(); i++) {
        cores.add(postgresCpuSeconds.get(i) / loadSeconds.get(i));
      }
      return Series.of(cores).median();
    }

    private double perEvent(List<Double> cpuSeconds) {
      return Series.of(cpuSeconds).median() / journalRows * 1e6;
    }
  }

  /**
   * Loads per measurement. One load of the same rows varied from 100k to 146k events/s between runs
   * on a shared 2-core host, more than any change to the engine being measured against it.
   */
  static final int LOADS = 3;

  private CopyLimit() {}

  /**
   * event_tag as pekko-persistence-jdbc's DDL (schema/postgres/postgres-create-schema.sql) has it:
   * its primary key and foreign key instead of the node's (tag, event_id) index.
   */
  private static final List<String> STOCK_TAG_TABLE =
      List.of(
          "DROP INDEX event_tag_tag_event_idx",
          "ALTER TABLE event_tag ADD PRIMARY KEY(event_id, tag)",
          "ALTER TABLE event_tag ADD CONSTRAINT fk_event_journal FOREIGN KEY(event_id)"
              + " REFERENCES event_journal(ordering) ON DELETE CASCADE");

  /** The same rows loaded into the node's DDL and into pekko-persistence-jdbc's. */
  record Limits(Result nodeDdl, Result stockDdl) {}

  static Limits measure(BenchContext context, Postgres.Schema written)
      throws IOException, SQLException {
    Path journal = Files.createTempFile(context.runDir(), "journal-", ".copy");
    Path tags = Files.createTempFile(context.runDir(), "tags-", ".copy");
    try {
      // read and split once, loaded LOADS times into each DDL
      StockRows.Written split =
          StockRows.write(context.postgres(), written.name(), NOT_WARM_UP, journal, tags);
      return new Limits(
          loads(context, journal, tags, split, false), loads(context, journal, tags, split, true));
    } finally {
      Files.deleteIfExists(journal);
      Files.deleteIfExists(tags);
    }
  }

  /** {@code stock}: into pekko-persistence-jdbc's DDL rather than the node's. */
  private static Result loads(
      BenchContext context, Path journal, Path tags, StockRows.Written split, boolean stock)
      throws IOException, SQLException {
    Postgres postgres = context.postgres();
    List<Double> seconds = new ArrayList<>(LOADS);
    List<Double> postgresCpu = new ArrayList<>(LOADS);
    List<Double> clientCpu = new ArrayList<>(LOADS);
    Load last = null;
    for (int i = 0; i < LOADS; i++) {
      try (Postgres.Schema fresh = postgres.freshSchema()) {
        try (Connection connection = postgres.connect()) {
          create(context, connection, fresh, stock);
        }
        last = load(postgres, fresh, journal, tags);
        seconds.add(last.seconds());
        postgresCpu.add(last.cpu().postgres() * last.seconds());
        clientCpu.add(last.cpu().harness() * last.seconds());
      }
    }
    return new Result(
        last.journalRows(),
        last.tagRows(),
        split.nodeRows(),
        Files.size(journal) + Files.size(tags),
        seconds,
        postgresCpu,
        clientCpu);
  }

  private static void create(
      BenchContext context, Connection connection, Postgres.Schema fresh, boolean stock)
      throws IOException, SQLException {
    NodeSchema.create(connection, context.binaries().nodeDdl(), fresh.name());
    if (stock) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET search_path TO " + fresh.name());
        for (String sql : STOCK_TAG_TABLE) {
          statement.execute(sql);
        }
      }
    }
  }

  /** One load of the rows: what it stored, how long it took, and the cores busy meanwhile. */
  private record Load(long journalRows, long tagRows, double seconds, CpuMeter.Use cpu) {}

  private static Load load(Postgres postgres, Postgres.Schema fresh, Path journal, Path tags)
      throws IOException, SQLException {
    // from a checkpoint, so that a load does not pay for the dirty pages and WAL of the run or load
    // before it (a COPY right after another ran at about 45k events/s, where first loads reached
    // 65-75k)
    postgres.checkpoint("COPY");
    try (Connection connection = postgres.connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET search_path TO " + fresh.name());
      }
      connection.setAutoCommit(false);
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      // the meter reads /proc before the clock starts and after it stops: not in the load's time
      CpuMeter cpu = CpuMeter.start(-1);
      long started = System.nanoTime();
      long journalRows =
          copyIn(copy, "COPY event_journal (" + JOURNAL_COLUMNS + ") FROM STDIN", journal);
      long tagRows = copyIn(copy, "COPY event_tag (event_id, tag) FROM STDIN", tags);
      connection.commit();
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Load(journalRows, tagRows, seconds, cpu.stop());
    }
  }

  private static long copyIn(CopyManager copy, String sql, Path file)
      throws IOException, SQLException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
      return copy.copyIn(sql, in);
    }
  }
}
