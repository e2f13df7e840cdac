package io.shelfstream.sources.files.csv;

import org.apache.pekko.util.ByteString;

/**
 * One CSV record as framed from a file's bytes, before its fields are split: {@code bytes} without
 * its line end (at most the framer's limit: an overlong record keeps its start), {@code length} its
 * full length, {@code line} the line it starts on (1 is the header), {@code lines} how many lines
 * it spans (a quoted field may hold line breaks), {@code endOffset} the byte after its line end,
 * and {@code problem} why it cannot be read at all (null when it can).
 */
public record RawRecord(
    long line, long lines, long endOffset, ByteString bytes, long length, String problem) {

  public long lastLine() {
    return line + lines - 1;
  }

  public boolean isBlank() {
    return problem == null && length == 0;
  }
}
