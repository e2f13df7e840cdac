package io.shelfstream.sources.files;

import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.RawText;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.mapping.MappingError;
import io.shelfstream.protocols.mapping.MappingResult;
import io.shelfstream.protocols.mapping.pii.PiiRedaction;
import io.shelfstream.protocols.mapping.record.Record;
import io.shelfstream.sources.files.csv.CsvFields;
import io.shelfstream.sources.files.csv.RawRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a file's CSV records into decoded events by its feed's mapping: the header first, then each
 * record to its events or to a rejection naming the file, the line and every reason. One per file
 * read: its header is read on one thread, then its records may be decoded on any.
 */
final class RowDecoder {
  /** Raw text kept in a file's report per failed line (the dead letter keeps more). */
  static final int REPORT_RAW_CHARS = 4096;

  private final String fileName;
  private final FileFeed feed;
  private final CsvFields fields;
  private final String source;
  private final String keyPrefix;
  private volatile List<String> header;

  /**
   * {@code version} tells one version of the file from another in dead-letter keys, so that a
   * record read again after a restart is kept once.
   */
  RowDecoder(
      String fileName, String version, FileFeed feed, CsvFields fields, String defaultSource) {
    this.fileName = fileName;
    this.feed = feed;
    this.fields = fields;
    this.source = defaultSource;
    this.keyPrefix = keyPrefix(fileName, version);
  }

  /**
   * The start of the dead-letter keys of one file version's lines: a digest, so that a key fits its
   * column whatever the file's name.
   */
  static String keyPrefix(String fileName, String version) {
    var digest = FileBytes.sha256();
    digest.update((fileName + "\n" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "file:" + FileBytes.hex(digest).substring(0, 32) + ":";
  }

  boolean hasHeader() {
    return header != null;
  }

  /**
   * Reads the header record; the reason the file cannot be read by its feed when it is not one
   * (missing columns, a column twice, not text).
   */
  Optional<String> header(RawRecord record) {
    if (record.problem() != null) {
      return Optional.of("header (line " + record.line() + "): " + record.problem());
    }
    if (record.isBlank()) {
      return Optional.of("header (line 1): is empty: the first line must name the columns");
    }
    CsvFields.Split split = fields.split(record.bytes());
    if (split instanceof CsvFields.Malformed malformed) {
      return Optional.of("header (line 1): " + malformed.reason());
    }
    List<String> names = ((CsvFields.Fields) split).values().stream().map(String::strip).toList();
    Set<String> columns = new HashSet<>(names);
    List<String> missing =
        feed.requiredColumns().stream().filter(column -> !columns.contains(column)).toList();
    if (!missing.isEmpty()) {
      return Optional.of(
          "header (line 1): lacks the column(s) "
              + String.join(", ", missing)
              + " that the "
              + feed.name()
              + " feed needs; it has "
              + String.join(", ", names.subList(0, Math.min(names.size(), 30))));
    }
    if (columns.size() < names.size()) {
      Set<String> seen = new HashSet<>();
      String twice = names.stream().filter(name -> !seen.add(name)).findFirst().orElseThrow();
      return Optional.of("header (line 1): names the column \"" + twice + "\" twice");
    }
    header = names;
    return Optional.empty();
  }

  /** The dead letter of a header that refused its file. */
  Decoded<RowPosition> refusedHeader(RawRecord record, String reason) {
    return invalid(record, List.of(reason), null);
  }

  /** One record's events, or its rejection; nothing for a blank line. */
  List<Decoded<RowPosition>> decode(RawRecord record) {
    if (record.isBlank()) {
      return List.of();
    }
    if (record.problem() != null) {
      return List.of(invalidRow(record, List.of("record: " + record.problem()), null));
    }
    CsvFields.Split split = fields.split(record.bytes());
    if (split instanceof CsvFields.Malformed malformed) {
      return List.of(invalidRow(record, List.of("record: " + malformed.reason()), null));
    }
    List<String> values = ((CsvFields.Fields) split).values();
    if (values.size() != header.size()) {
      return List.of(
          invalidRow(
              record,
              List.of(
                  "record: has "
                      + values.size()
                      + " fields, the header has "
                      + header.size()
                      + (values.size() < header.size() ? " (a short row)" : " (a long row)")),
              values));
    }
    Map<String, String> row = new HashMap<>(header.size() * 2);
    for (int i = 0; i < values.size(); i++) {
      row.put(header.get(i), values.get(i));
    }
    MappingResult result = feed.mapping().apply(Record.row(row));
    if (result instanceof MappingResult.Failed failed) {
      return List.of(
          invalidRow(
              record, failed.errors().stream().map(MappingError::toString).toList(), values));
    }
    List<RetailEvent> events = ((MappingResult.Mapped) result).events();
    List<Decoded<RowPosition>> decoded = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      decoded.add(
          new Decoded.Valid<>(
              RowPosition.valid(
                  record.line(), record.lastLine(), record.endOffset(), i == events.size() - 1),
              where(record),
              events.get(i)));
    }
    return decoded;
  }

  /**
   * The dead letter of a row, its cells (null when it has none: unreadable) masked where its
   * mapping's pii fields read them (docs/mapping.md, Personal data).
   */
  private Decoded<RowPosition> invalidRow(
      RawRecord record, List<String> reasons, List<String> cells) {
    PiiRedaction redaction = feed.mapping().redaction();
    if (redaction.isEmpty()) {
      return invalid(record, reasons, null);
    }
    String kept =
        cells == null
            ? redaction.unreadable(rawText(record))
            : fields.join(redaction.cells(header, cells));
    return invalid(record, reasons, kept);
  }

  private static String rawText(RawRecord record) {
    byte[] bytes = record.bytes().toArrayUnsafe();
    return RawText.of(Arrays.copyOf(bytes, Math.min(bytes.length, RawText.MAX_KEPT_BYTES)));
  }

  /** {@code kept}: the text kept of the record, or null for its bytes as they are. */
  private Decoded<RowPosition> invalid(RawRecord record, List<String> reasons, String kept) {
    byte[] bytes = record.bytes().toArrayUnsafe();
    String raw = kept != null ? kept : rawText(record);
    String reason = String.join("; ", reasons);
    if (record.length() > bytes.length || record.length() > RawText.MAX_KEPT_BYTES) {
      reason +=
          " (the first "
              + Math.min(bytes.length, RawText.MAX_KEPT_BYTES)
              + " of its "
              + record.length()
              + " bytes are kept)";
    }
    String reportRaw = raw.length() > REPORT_RAW_CHARS ? raw.substring(0, REPORT_RAW_CHARS) : raw;
    return new Decoded.Invalid<>(
        new RowPosition(
            record.line(), record.lastLine(), record.endOffset(), true, reportRaw, reasons),
        where(record),
        null,
        source,
        reason,
        raw,
        keyPrefix + record.line());
  }

  private String where(RawRecord record) {
    return "file "
        + fileName
        + (record.lines() > 1
            ? " lines " + record.line() + "-" + record.lastLine()
            : " line " + record.line());
  }
}
