package io.shelfstream.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shelfstream.bench.node.Postgres;
import io.shelfstream.engine.inventory.InventoryEventSerializer;
import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.Event;
import io.shelfstream.engine.inventory.LocationInventory.EventsRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.protocols.event.MovementKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/** The COPY baseline's rows: one per event of the node's entries, loadable by the stock shape. */
class EventRowsTest {
  private static final String PG_URL = System.getenv("SHELFSTREAM_TEST_PG_URL");
  private static final InventoryEventSerializer SERIALIZER = new InventoryEventSerializer();

  @Test
  void anEntryOfThreeEventsBecomesThreeRowsThatReadBackAsThoseEvents(@TempDir Path dir)
      throws Exception {
    assumeTrue(PG_URL != null, "needs SHELFSTREAM_TEST_PG_URL (CI sets it)");
    var postgres =
        new Postgres(
            PG_URL,
            System.getenv().getOrDefault("SHELFSTREAM_TEST_PG_USER", "postgres"),
            "eventrowstest");
    OffsetDateTime at = OffsetDateTime.parse("2026-03-01T09:00:00+01:00");
    List<Event> events =
        List.of(
            new CountRecorded("SKU-1", new Stamp("erp", "c-1", at), 10),
            new MovementRecorded(
                "SKU-1", new Stamp("pos", "s-1", at), MovementKind.SALE, 2, null, null, null),
            new MovementRecorded(
                "SKU-2", new Stamp("pos", "s-2", at), MovementKind.RETURN, 1, null, null, null));
    var entry = new EventsRecorded(events);
    Path journal = dir.resolve("journal.copy");
    Path tags = dir.resolve("tags.copy");
    try (Postgres.Schema written = postgres.freshSchema();
        Postgres.Schema loaded = postgres.freshSchema();
        Connection connection = postgres.connect()) {
      written.createNodeTables();
      loaded.createNodeTables();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + written.name()
                  + ".event_journal (persistence_id, sequence_number, writer, write_timestamp,"
                  + " event_ser_id, event_ser_manifest, event_payload) VALUES (?, 1, 'w', 0, ?, ?,"
                  + " ?)")) {
        insert.setString(1, "LocationInventory|S001");
        insert.setInt(2, SERIALIZER.identifier());
        insert.setString(3, SERIALIZER.manifest(entry));
        insert.setBytes(4, SERIALIZER.toBinary(entry));
        insert.executeUpdate();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "INSERT INTO "
                + written.name()
                + ".event_tag (event_id, tag) SELECT ordering, 'inventory-1' FROM "
                + written.name()
                + ".event_journal");
      }

      var rows =
          EventRows.write(connection, written.name(), "persistence_id LIKE '%'", journal, tags);
      assertThat(rows.journalRows()).isEqualTo(3);
      assertThat(rows.tagRows()).isEqualTo(3);

      connection.setAutoCommit(true);
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      try (var in = Files.newInputStream(journal);
          var tagIn = Files.newInputStream(tags)) {
        copy.copyIn(
            "COPY "
                + loaded.name()
                + ".event_journal (ordering, persistence_id, sequence_number, deleted, writer,"
                + " write_timestamp, event_ser_id, event_ser_manifest, event_payload) FROM STDIN",
            in);
        copy.copyIn("COPY " + loaded.name() + ".event_tag (event_id, tag) FROM STDIN", tagIn);
      }
      List<Object> readBack = new ArrayList<>();
      List<Long> sequence = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet read =
              statement.executeQuery(
                  "SELECT sequence_number, event_ser_manifest, event_payload FROM "
                      + loaded.name()
                      + ".event_journal ORDER BY ordering")) {
        while (read.next()) {
          sequence.add(read.getLong(1));
          readBack.add(SERIALIZER.fromBinary(read.getBytes(3), read.getString(2)));
        }
      }
      assertThat(sequence).containsExactly(1L, 2L, 3L);
      assertThat(readBack).containsExactlyElementsOf(events);
    }
  }
}
