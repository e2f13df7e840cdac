package io.shelfstream.sources.files.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.stream.connectors.csv.impl.CsvParser;
import org.apache.pekko.util.ByteString;
import scala.Option;

/**
 * Splits one framed record into its fields as pekko-connectors-csv's parser does: quoted fields,
 * delimiters and line breaks inside quotes, doubled quotes. A record with none of these is split at
 * its delimiters here, the others by the parser. Its parser runs here one record at a time rather
 * than as the {@code CsvParsing.lineScanner} flow, because that flow fails the whole stream at the
 * first malformed line, and a file must go on after a bad record. Fields must be UTF-8.
 */
public final class CsvFields {
  /**
   * First bytes of the byte order marks the parser looks for at a record's start (UTF-8's, which it
   * skips, and UTF-16's and UTF-32's, which it refuses).
   */
  private static final String BYTE_ORDER_MARK_STARTS = "\u00EF\u00FE\u00FF\u0000";

  private final byte delimiter;
  private final byte quote;

  public CsvFields(byte delimiter, byte quote) {
    this.delimiter = delimiter;
    this.quote = quote;
  }

  /** The fields of a record, or why it has none. */
  public sealed interface Split {}

  public record Fields(List<String> values) implements Split {}

  public record Malformed(String reason) implements Split {}

  public Split split(ByteString record) {
    byte[] bytes = record.toArrayUnsafe();
    return plain(bytes) ? splitPlain(bytes) : splitByParser(record);
  }

  /**
   * Whether the parser would find the record's fields between its delimiters: it has no quote and
   * no line break, and does not start as a byte order mark may. Most records are: splitting them
   * here spares making a parser for each.
   */
  private boolean plain(byte[] bytes) {
    if (bytes.length == 0 || BYTE_ORDER_MARK_STARTS.indexOf(bytes[0] & 0xFF) >= 0) {
      return false;
    }
    for (byte b : bytes) {
      if (b == quote || b == '\r' || b == '\n') {
        return false;
      }
    }
    return true;
  }

  private Split splitPlain(byte[] bytes) {
    List<String> values = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == delimiter) {
        String value = text(bytes, start, i);
        if (value == null) {
          return notUtf8(values.size() + 1);
        }
        values.add(value);
        start = i + 1;
      }
    }
    return new Fields(values);
  }

  private Split splitByParser(ByteString record) {
    // the escape is the quote itself: RFC 4180 doubles quotes, and a backslash is plain text
    CsvParser parser = new CsvParser(delimiter, quote, quote, Integer.MAX_VALUE);
    Option<scala.collection.immutable.List<ByteString>> parsed;
    try {
      parser.offer(record);
      parsed = parser.poll(false);
    } catch (Exception malformed) { // MalformedCsvException (checked), UnsupportedCharsetException
      return new Malformed(describe(malformed));
    }
    List<String> values = new ArrayList<>();
    if (parsed.isEmpty()) {
      return new Fields(values);
    }
    var fields = parsed.get().iterator();
    while (fields.hasNext()) {
      byte[] field = fields.next().toArrayUnsafe();
      String value = text(field, 0, field.length);
      if (value == null) {
        return notUtf8(values.size() + 1);
      }
      values.add(value);
    }
    return new Fields(values);
  }

  /**
   * The text of bytes {@code from} to {@code to}, or null when it is not UTF-8. ASCII, as most
   * fields are, needs no checking decoder, which cost about as much as splitting the record.
   */
  private static String text(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0) {
        try {
          return StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, from, to - from))
              .toString();
        } catch (CharacterCodingException e) {
          return null;
        }
      }
    }
    return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
  }

  private static Malformed notUtf8(int field) {
    return new Malformed("field " + field + " is not valid UTF-8 text");
  }

  /**
   * Cells written back as one record, quoted where they hold the delimiter, the quote or a line
   * break: how a dead letter shows a row whose pii cells were masked.
   */
  public String join(List<String> cells) {
    char delimiterChar = (char) delimiter;
    char quoteChar = (char) quote;
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i) == null ? "" : cells.get(i);
      if (i > 0) {
        line.append(delimiterChar);
      }
      boolean quoted =
          cell.indexOf(delimiterChar) >= 0
              || cell.indexOf(quoteChar) >= 0
              || cell.indexOf('\n') >= 0
              || cell.indexOf('\r') >= 0;
      if (quoted) {
        String doubled = String.valueOf(quoteChar).repeat(2);
        line.append(quoteChar)
            .append(cell.replace(String.valueOf(quoteChar), doubled))
            .append(quoteChar);
      } else {
        line.append(cell);
      }
    }
    return line.toString();
  }

  private static String describe(Exception malformed) {
    String message = malformed.getMessage();
    if (malformed instanceof java.nio.charset.UnsupportedCharsetException) {
      return "not UTF-8 text (a byte order mark of " + message + ")";
    }
    if (message != null && message.startsWith("unclosed quote")) {
      return "unterminated quote";
    }
    return message == null ? malformed.getClass().getSimpleName() : "malformed CSV: " + message;
  }
}
