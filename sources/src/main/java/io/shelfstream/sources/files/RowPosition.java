package io.shelfstream.sources.files;

import java.util.List;

/**
 * Where a decoded record of a file sits: the lines its CSV record spans, the byte after it, and
 * whether this is the last event of that record (a mapping may fan a record out to several: only
 * once the last is durable is the record). A rejected record carries its raw text and reasons for
 * the file's report.
 */
public record RowPosition(
    long line,
    long lastLine,
    long endOffset,
    boolean lastOfRecord,
    String raw,
    List<String> reasons) {

  static RowPosition valid(long line, long lastLine, long endOffset, boolean lastOfRecord) {
    return new RowPosition(line, lastLine, endOffset, lastOfRecord, null, List.of());
  }
}
