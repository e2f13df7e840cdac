package io.shelfstream.sources.files.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.stream.connectors.csv.impl.CsvParser;
import org.apache.pekko.util.ByteString;
import scala.Option;

/**
 * Splits one framed record into its fields with pekko-connectors-csv's parser: quoted fields,
 * delimiters and line breaks inside quotes, doubled quotes. Its parser runs here one record at a
 * time rather than as the {@code CsvParsing.lineScanner} flow, because that flow fails the whole
 * stream at the first malformed line, and a file must go on after a bad record. Fields must be
 * UTF-8.
 */
public final class CsvFields {
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
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    var fields = parsed.get().iterator();
    while (fields.hasNext()) {
      ByteString field = fields.next();
      try {
        values.add(utf8.decode(ByteBuffer.wrap(field.toArrayUnsafe())).toString());
      } catch (CharacterCodingException e) {
        return new Malformed("field " + (values.size() + 1) + " is not valid UTF-8 text");
      }
    }
    return new Fields(values);
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
