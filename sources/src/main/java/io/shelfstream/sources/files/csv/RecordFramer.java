package io.shelfstream.sources.files.csv;

import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.apache.pekko.util.ByteStringBuilder;

/**
 * Cuts a file's bytes into CSV records, keeping each one's line and byte offset, so that a source
 * can resume after the last durable record and a bad record is reported alone. A line break inside
 * quotes belongs to its record. A record longer than {@code maxRecordBytes} keeps its start and is
 * reported as too long; framing resumes at the next line break, whatever the quotes. A quote left
 * open at the end of the file fails its first line only: the lines after it are framed again, so
 * that nothing valid after a stray quote is lost. Not thread-safe: one framer per file read.
 */
public final class RecordFramer {
  private static final byte LF = '\n';
  private static final byte CR = '\r';
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final byte quote;
  private final int maxRecordBytes;

  private long offset;
  private long nextLine;
  private boolean atFileStart;
  private ByteString fileStart = ByteString.emptyByteString();

  // the record being framed
  private ByteStringBuilder kept = ByteString.createBuilder();
  private long length;
  private long lines = 1;
  private boolean inQuote;
  private boolean overlong;

  /** Frames a file read from {@code offset}, whose first byte starts line {@code firstLine}. */
  public RecordFramer(byte quote, int maxRecordBytes, long offset, long firstLine) {
    this.quote = quote;
    this.maxRecordBytes = maxRecordBytes;
    this.offset = offset;
    this.nextLine = firstLine;
    this.atFileStart = offset == 0;
  }

  /** The records that {@code chunk} completes. */
  public List<RawRecord> offer(ByteString chunk) {
    List<RawRecord> records = new ArrayList<>();
    int start = 0;
    if (atFileStart) {
      // the UTF-8 byte order mark is not part of the header; it may come in pieces
      chunk = fileStart.concat(chunk);
      if (chunk.size() < BOM.length && isBomStart(chunk)) {
        fileStart = chunk;
        return records;
      }
      atFileStart = false;
      fileStart = ByteString.emptyByteString();
      if (chunk.size() >= BOM.length && isBomStart(chunk.take(BOM.length))) {
        start = BOM.length;
        offset += BOM.length;
      }
    }
    byte[] bytes = chunk.toArrayUnsafe();
    int segment = start;
    for (int i = start; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == quote && !overlong) {
        inQuote = !inQuote;
      } else if (b == LF) {
        if (!inQuote || overlong) {
          keep(chunk, segment, i + 1);
          segment = i + 1;
          records.add(complete(true));
          continue;
        }
        lines++;
      }
    }
    keep(chunk, segment, bytes.length);
    return records;
  }

  /** The records left at the end of the file: the last one may have no line end. */
  public List<RawRecord> finish() {
    List<RawRecord> records = new ArrayList<>();
    if (atFileStart && !fileStart.isEmpty()) {
      atFileStart = false;
      records.addAll(offer(fileStart));
    }
    if (length == 0) {
      return records;
    }
    if (!inQuote || overlong) {
      records.add(complete(false));
      return records;
    }
    // a quote opened and never closed: its first line is the error, the rest is framed again
    ByteString rest = kept.result();
    int firstLineEnd = rest.indexOf(LF);
    if (firstLineEnd < 0) {
      records.add(
          withProblem(
              complete(false), "unterminated quote: no closing quote before the end of the file"));
      return records;
    }
    ByteString firstLine = rest.take(firstLineEnd + 1);
    kept = ByteString.createBuilder();
    kept.append(firstLine);
    length = firstLine.size();
    lines = 1;
    inQuote = false;
    records.add(
        withProblem(
            complete(true), "unterminated quote: no closing quote before the end of the file"));
    records.addAll(offer(rest.drop(firstLineEnd + 1)));
    records.addAll(finish());
    return records;
  }

  private void keep(ByteString chunk, int from, int to) {
    int count = to - from;
    if (count <= 0) {
      return;
    }
    long room = maxRecordBytes - length;
    if (room > 0) {
      kept.append(chunk.slice(from, from + (int) Math.min(count, room)));
    }
    length += count;
    if (length > maxRecordBytes && !overlong) {
      overlong = true;
    }
  }

  private RawRecord complete(boolean lineEnd) {
    long fullLength = length;
    offset += fullLength;
    ByteString bytes = kept.result();
    if (lineEnd && !overlong) {
      bytes = stripLineEnd(bytes);
      fullLength = bytes.size();
    } else if (lineEnd) {
      fullLength -= 1; // the LF, not kept
    }
    RawRecord record =
        new RawRecord(
            nextLine,
            lines,
            offset,
            bytes,
            fullLength,
            overlong
                ? "longer than "
                    + maxRecordBytes
                    + " bytes ("
                    + fullLength
                    + " bytes; an unterminated quote, or a line break missing?)"
                : null);
    nextLine += lines;
    kept = ByteString.createBuilder();
    length = 0;
    lines = 1;
    inQuote = false;
    overlong = false;
    return record;
  }

  private static RawRecord withProblem(RawRecord record, String problem) {
    return new RawRecord(
        record.line(),
        record.lines(),
        record.endOffset(),
        record.bytes(),
        record.length(),
        problem);
  }

  private static ByteString stripLineEnd(ByteString bytes) {
    int end = bytes.size();
    if (end > 0 && bytes.apply(end - 1) == LF) {
      end--;
      if (end > 0 && bytes.apply(end - 1) == CR) {
        end--;
      }
    }
    return bytes.take(end);
  }

  private static boolean isBomStart(ByteString bytes) {
    for (int i = 0; i < bytes.size(); i++) {
      if (bytes.apply(i) != BOM[i]) {
        return false;
      }
    }
    return true;
  }
}
