package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** The COPY baseline's rows: one per event, split from the node's entries, in a real PostgreSQL. */
@EnabledIfEnvironmentVariable(named = "SHELFSTREAM_TEST_PG_URL", matches = ".+")
class StockRowsTest {
  private static final String INSERT =
      "INSERT INTO event_journal (ordering, persistence_id, sequence_number, writer,"
          + " write_timestamp, event_ser_id, event_ser_manifest, event_payload)"
          + " VALUES (?, ?, ?, ?, 7, ?, ?, ?)";

  @TempDir Path dir;

  /** An entry as the inventory serializer writes it: count, then kind, length and bytes each. */
  private static byte[] entry(byte[]... counts) {
    ByteBuffer out = ByteBuffer.allocate(256);
    out.putInt(counts.length);
    for (int i = 0; i < counts.length; i++) {
      out.put((byte) (i % 2)).putInt(counts[i].length).put(counts[i]);
    }
    return Arrays.copyOf(out.array(), out.position());
  }

  @Test
  void eachEntryBecomesOneJournalRowAndOneTagRowPerEventInJournalOrder() throws Exception {
    var postgres =
        new Postgres(
            System.getenv("SHELFSTREAM_TEST_PG_URL"),
            System.getenv().getOrDefault("SHELFSTREAM_TEST_PG_USER", "postgres"),
            "stockrows" + System.nanoTime(),
            new Cleanup());
    String ddl =
        Files.readString(
            Path.of("..", "persistence", "src", "main", "resources").resolve(Binaries.NODE_DDL));
    try (Postgres.Schema written = postgres.freshSchema();
        Postgres.Schema loaded = postgres.freshSchema();
        Connection connection = postgres.connect()) {
      NodeSchema.create(connection, ddl, written.name());
      NodeSchema.create(connection, ddl, loaded.name());
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET search_path TO " + written.name());
      }
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        row(insert, 10, "LocationInventory|L1", 1, 74_101, "events-1", entry(b(1, 2, 3), b(4, 5)));
        row(insert, 11, "warmup-L1", 1, 74_101, "events-1", entry(b(9)));
        row(insert, 12, "Store|S\\1", 1, 33, "store-updated", b(6, 7));
        row(insert, 13, "LocationInventory|L1", 2, 74_101, "events-1", entry(b(8)));
        insert.executeBatch();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "INSERT INTO event_tag (event_id, tag) VALUES (10, 'inventory-1'),"
                + " (11, 'inventory-1'), (12, 'store-0'), (12, 'store-all'), (13, 'inventory-1')");
      }

      Path journal = dir.resolve("journal.copy");
      Path tags = dir.resolve("tags.copy");
      var split =
          StockRows.write(
              postgres, written.name(), "persistence_id NOT LIKE 'warmup-%'", journal, tags);
      assertThat(split).isEqualTo(new StockRows.Written(3, 4, 5));

      try (Statement statement = connection.createStatement()) {
        statement.execute("SET search_path TO " + loaded.name());
      }
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      try (InputStream in = Files.newInputStream(journal)) {
        copy.copyIn("COPY event_journal (" + CopyLimit.JOURNAL_COLUMNS + ") FROM STDIN", in);
      }
      try (InputStream in = Files.newInputStream(tags)) {
        copy.copyIn("COPY event_tag (event_id, tag) FROM STDIN", in);
      }
      assertThat(
              rows(
                  connection,
                  "SELECT ordering, persistence_id, sequence_number, writer, event_ser_manifest,"
                      + " encode(event_payload, 'hex') FROM event_journal ORDER BY ordering"))
          .containsExactly(
              "1 LocationInventory|L1 1 node-\\a count-1 010203",
              "2 LocationInventory|L1 2 node-\\a movement-1 0405",
              "3 Store|S\\1 1 node-\\a store-updated 0607",
              "4 LocationInventory|L1 3 node-\\a count-1 08");
      assertThat(rows(connection, "SELECT event_id, tag FROM event_tag ORDER BY event_id, tag"))
          .containsExactly(
              "1 inventory-1", "2 inventory-1", "3 store-0", "3 store-all", "4 inventory-1");
    }
  }

  @Test
  void aDamagedEntryIsRefusedWithWhatIsWrong() {
    byte[] entry = entry(b(1));
    byte[] longer = Arrays.copyOf(entry, entry.length + 1);
    assertThatThrownBy(() -> StockRows.eventsOf(longer))
        .hasMessageContaining("1 bytes after an entry's last event");
    byte[] unknownKind = entry.clone();
    unknownKind[4] = 7;
    assertThatThrownBy(() -> StockRows.eventsOf(unknownKind))
        .hasMessageContaining("event 0 of an entry is of unknown kind 7");
    assertThat(StockRows.eventsOf(entry))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.manifest()).isEqualTo("count-1");
              assertThat(HexFormat.of().formatHex(event.payload())).isEqualTo("01");
            });
  }

  private static byte[] b(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static void row(
      PreparedStatement insert,
      long ordering,
      String persistenceId,
      long sequenceNr,
      int serializer,
      String manifest,
      byte[] payload)
      throws Exception {
    insert.setLong(1, ordering);
    insert.setString(2, persistenceId);
    insert.setLong(3, sequenceNr);
    insert.setString(4, "node-\\a");
    insert.setInt(5, serializer);
    insert.setString(6, manifest);
    insert.setBytes(7, payload);
    insert.addBatch();
  }

  private static List<String> rows(Connection connection, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(result.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }
}
