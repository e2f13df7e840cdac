package io.shelfstream.bench.http;

import io.shelfstream.engine.inventory.InventoryEventSerializer;
import io.shelfstream.engine.inventory.LocationInventory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The rows pekko-persistence-jdbc would have written for the events of a run: one journal row and
 * one tag row per event, where the node writes one of each per command. Entries are split with the
 * engine's own serializer (an entry's events, each serialized alone), so that COPY loads the same
 * events in the stock journal's shape: the limit the engine is compared with since issue 5.
 */
final class EventRows {
  private static final InventoryEventSerializer INVENTORY = new InventoryEventSerializer();
  private static final HexFormat HEX = HexFormat.of();

  /** How many rows went to each file. */
  record Written(long journalRows, long tagRows) {}

  private EventRows() {}

  /** Writes COPY text of {@code schema}'s journal rows matching {@code where}, one per event. */
  static Written write(Connection connection, String schema, String where, Path journal, Path tags)
      throws SQLException, IOException {
    Map<String, Long> sequence = new HashMap<>();
    long ordering = 0;
    long tagRows = 0;
    try (Statement statement = connection.createStatement();
        BufferedWriter journalOut = Files.newBufferedWriter(journal, StandardCharsets.UTF_8);
        BufferedWriter tagOut = Files.newBufferedWriter(tags, StandardCharsets.UTF_8)) {
      connection.setAutoCommit(false); // a cursor: the rows are streamed, not held
      statement.setFetchSize(1000);
      ResultSet rows =
          statement.executeQuery(
              "SELECT j.persistence_id, j.writer, j.write_timestamp, j.event_ser_id,"
                  + " j.event_ser_manifest, j.event_payload, t.tag FROM "
                  + schema
                  + ".event_journal j LEFT JOIN "
                  + schema
                  + ".event_tag t ON t.event_id = j.ordering WHERE j."
                  + where
                  + " ORDER BY j.ordering");
      while (rows.next()) {
        String persistenceId = rows.getString(1);
        for (Row event : split(rows.getInt(4), rows.getString(5), rows.getBytes(6))) {
          ordering++;
          long sequenceNr = sequence.merge(persistenceId, 1L, Long::sum);
          journalOut.write(
              String.join(
                  "\t",
                  Long.toString(ordering),
                  persistenceId,
                  Long.toString(sequenceNr),
                  "f",
                  rows.getString(2),
                  Long.toString(rows.getLong(3)),
                  Integer.toString(event.serializerId()),
                  event.manifest(),
                  "\\\\x" + HEX.formatHex(event.payload())));
          journalOut.write('\n');
          String tag = rows.getString(7);
          if (tag != null) {
            tagOut.write(ordering + "\t" + tag + "\n");
            tagRows++;
          }
        }
      }
      connection.commit();
    }
    return new Written(ordering, tagRows);
  }

  private record Row(int serializerId, String manifest, byte[] payload) {}

  /** An inventory entry's events, each as the journal would hold it alone; any other row as is. */
  private static List<Row> split(int serializerId, String manifest, byte[] payload)
      throws IOException {
    if (serializerId != INVENTORY.identifier()) {
      return List.of(new Row(serializerId, manifest, payload));
    }
    Object entry = INVENTORY.fromBinary(payload, manifest);
    if (!(entry instanceof LocationInventory.EventsRecorded recorded)) {
      return List.of(new Row(serializerId, manifest, payload));
    }
    return recorded.events().stream()
        .map(event -> new Row(serializerId, INVENTORY.manifest(event), INVENTORY.toBinary(event)))
        .toList();
  }
}
