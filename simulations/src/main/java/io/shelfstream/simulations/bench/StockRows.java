package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The rows pekko-persistence-jdbc's own journal writes for the events a node journaled: one journal
 * row and one tag row per event, as COPY text files. A node journals the fresh events of one
 * command as one entry (the inventory serializer's {@code events-1}), so COPY of its rows as they
 * are would measure entries per second, not events. Each such entry is split here into its events:
 * an entry holds each event's kind, length and bytes exactly as a single event is journaled ({@code
 * count-1} or {@code movement-1}), so the split needs no knowledge of the events' fields. Each
 * event row gets the next {@code ordering}, the next sequence number of its persistence id, and the
 * entry's tags; rows that are not entries (a store's events) are renumbered alike.
 */
final class StockRows {
  static final int INVENTORY_SERIALIZER = 74_101;
  static final String ENTRY_MANIFEST = "events-1";
  private static final String[] EVENT_MANIFESTS = {"count-1", "movement-1"};
  private static final HexFormat HEX = HexFormat.of();

  /** What was read and written: the node's rows, and the rows (one per event) written. */
  record Written(long nodeRows, long journalRows, long tagRows) {}

  private StockRows() {}

  /** The journal rows of {@code schema} matching {@code where}, split, into the two files. */
  static Written write(Postgres postgres, String schema, String where, Path journal, Path tags)
      throws IOException, SQLException {
    try (Connection rows = postgres.connect();
        Connection tagRows = postgres.connect();
        Writer journalOut = Files.newBufferedWriter(journal, StandardCharsets.UTF_8);
        Writer tagOut = Files.newBufferedWriter(tags, StandardCharsets.UTF_8)) {
      rows.setAutoCommit(false);
      tagRows.setAutoCommit(false);
      try (PreparedStatement entries =
              rows.prepareStatement(
                  "SELECT "
                      + CopyLimit.JOURNAL_COLUMNS
                      + " FROM "
                      + schema
                      + ".event_journal WHERE "
                      + where
                      + " ORDER BY ordering");
          PreparedStatement tagsOf =
              tagRows.prepareStatement(
                  "SELECT event_id, tag FROM "
                      + schema
                      + ".event_tag WHERE event_id IN (SELECT ordering FROM "
                      + schema
                      + ".event_journal WHERE "
                      + where
                      + ") ORDER BY event_id, tag")) {
        entries.setFetchSize(1000);
        tagsOf.setFetchSize(1000);
        try (ResultSet entry = entries.executeQuery();
            ResultSet tag = tagsOf.executeQuery()) {
          return split(entry, new TagCursor(tag), journalOut, tagOut);
        }
      }
    }
  }

  private static Written split(ResultSet entry, TagCursor tags, Writer journal, Writer tagOut)
      throws SQLException, IOException {
    Map<String, Long> sequenceNrs = new HashMap<>();
    long nodeRows = 0;
    long ordering = 0;
    long tagRows = 0;
    while (entry.next()) {
      nodeRows++;
      List<String> entryTags = tags.tagsOf(entry.getLong(1));
      String persistenceId = entry.getString(2);
      String[] columns = new String[13];
      columns[1] = text(persistenceId);
      columns[3] = entry.getBoolean(4) ? "t" : "f";
      columns[4] = text(entry.getString(5));
      long timestamp = entry.getLong(6);
      columns[5] = entry.wasNull() ? "\\N" : Long.toString(timestamp);
      columns[6] = text(entry.getString(7));
      int serializer = entry.getInt(8);
      columns[7] = Integer.toString(serializer);
      int metaSerializer = entry.getInt(11);
      columns[10] = entry.wasNull() ? "\\N" : Integer.toString(metaSerializer);
      columns[11] = text(entry.getString(12));
      columns[12] = bytes(entry.getBytes(13));
      String manifest = entry.getString(9);
      byte[] payload = entry.getBytes(10);
      List<Event> events =
          serializer == INVENTORY_SERIALIZER && ENTRY_MANIFEST.equals(manifest)
              ? eventsOf(payload)
              : List.of(new Event(manifest, payload));
      for (Event event : events) {
        ordering++;
        columns[0] = Long.toString(ordering);
        columns[2] = Long.toString(sequenceNrs.merge(persistenceId, 1L, Long::sum));
        columns[8] = text(event.manifest());
        columns[9] = bytes(event.payload());
        journal.write(String.join("\t", columns));
        journal.write('\n');
        for (String tag : entryTags) {
          tagOut.write(ordering + "\t" + text(tag) + "\n");
          tagRows++;
        }
      }
    }
    return new Written(nodeRows, ordering, tagRows);
  }

  record Event(String manifest, byte[] payload) {}

  /** An entry's events: count, then per event its kind (byte), length (int) and bytes. */
  static List<Event> eventsOf(byte[] entry) {
    ByteBuffer in = ByteBuffer.wrap(entry);
    int count = in.getInt();
    List<Event> events = new ArrayList<>(Math.min(count, 4096));
    for (int i = 0; i < count; i++) {
      int kind = in.get();
      if (kind < 0 || kind >= EVENT_MANIFESTS.length) {
        throw new IllegalStateException("event " + i + " of an entry is of unknown kind " + kind);
      }
      String manifest = EVENT_MANIFESTS[kind];
      byte[] payload = new byte[in.getInt()];
      in.get(payload);
      events.add(new Event(manifest, payload));
    }
    if (in.hasRemaining()) {
      throw new IllegalStateException(in.remaining() + " bytes after an entry's last event");
    }
    return events;
  }

  /** COPY's text format of a value: NULL as \N; backslash, tab and line ends escaped. */
  private static String text(String value) {
    if (value == null) {
      return "\\N";
    }
    return value
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  private static String bytes(byte[] value) {
    return value == null ? "\\N" : "\\\\x" + HEX.formatHex(value);
  }

  /** The tag rows, ordered by event_id, read alongside the journal rows in the same order. */
  private static final class TagCursor {
    private final ResultSet rows;
    private boolean hasRow;

    TagCursor(ResultSet rows) throws SQLException {
      this.rows = rows;
      this.hasRow = rows.next();
    }

    List<String> tagsOf(long ordering) throws SQLException {
      while (hasRow && rows.getLong(1) < ordering) {
        hasRow = rows.next(); // a tag row without its event: not copied, as before
      }
      List<String> tags = new ArrayList<>(1);
      while (hasRow && rows.getLong(1) == ordering) {
        tags.add(rows.getString(2));
        hasRow = rows.next();
      }
      return tags;
    }
  }
}
