package io.shelfstream.sources.files.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.pekko.stream.connectors.csv.impl.CsvParser;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;
import scala.Option;

/** One record's fields, as pekko-connectors-csv's parser finds them. */
class CsvFieldsTest {
  private final CsvFields comma = new CsvFields((byte) ',', (byte) '"');

  private CsvFields.Split split(CsvFields fields, String record) {
    return fields.split(ByteString.fromString(record));
  }

  @Test
  void quotedFieldsHoldDelimitersLineBreaksAndDoubledQuotes() {
    assertThat(split(comma, "a,\"b,c\",\"d\r\ne\",\"say \"\"hi\"\"\",,C:\\dir"))
        .isEqualTo(
            new CsvFields.Fields(
                java.util.List.of("a", "b,c", "d\r\ne", "say \"hi\"", "", "C:\\dir")));
  }

  @Test
  void otherDelimitersAndQuotes() {
    assertThat(split(new CsvFields((byte) '|', (byte) '\''), "a|'b|c'|"))
        .isEqualTo(new CsvFields.Fields(java.util.List.of("a", "b|c", "")));
    assertThat(split(new CsvFields((byte) '\t', (byte) '"'), "a\tb"))
        .isEqualTo(new CsvFields.Fields(java.util.List.of("a", "b")));
  }

  @Test
  void anUnterminatedQuoteAndInvalidUtf8AreMalformed() {
    assertThat(split(comma, "a,\"b")).isEqualTo(new CsvFields.Malformed("unterminated quote"));
    assertThat(comma.split(ByteString.fromArray(new byte[] {'a', ',', (byte) 0xC3, 'x'})))
        .isEqualTo(new CsvFields.Malformed("field 2 is not valid UTF-8 text"));
  }

  /** Records split at their delimiters come out as the parser splits them, errors included. */
  @Property(tries = 5000)
  void splitsEveryRecordAsTheParser(@ForAll("records") byte[] record) {
    for (byte[] delimiterAndQuote : List.of(new byte[] {',', '"'}, new byte[] {';', '\''})) {
      byte delimiter = delimiterAndQuote[0];
      byte quote = delimiterAndQuote[1];
      CsvFields.Split split = new CsvFields(delimiter, quote).split(ByteString.fromArray(record));
      Object expected = byParser(delimiter, quote, record);
      if (expected == PARSER_REFUSED) {
        assertThat(split).isInstanceOf(CsvFields.Malformed.class);
      } else {
        assertThat(split).as(new String(record, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
      }
    }
  }

  @Provide
  Arbitrary<byte[]> records() {
    Arbitrary<byte[]> pieces =
        Arbitraries.oneOf(
            Arbitraries.of("a", "bc", "SKU-1", " ", ",", ";", "\"", "'", "\r", "\n", "\\", "é")
                .map(text -> text.getBytes(StandardCharsets.UTF_8)),
            Arbitraries.of(0xEF, 0xBB, 0xBF, 0xFE, 0xFF, 0x00, 0xC3, 0x80)
                .map(b -> new byte[] {(byte) (int) b}));
    return pieces
        .list()
        .ofMaxSize(12)
        .map(
            list -> {
              var out = new java.io.ByteArrayOutputStream();
              list.forEach(out::writeBytes);
              return out.toByteArray();
            });
  }

  private static final String PARSER_REFUSED = "the parser threw";

  /** How every record was split before plain ones were split at their delimiters. */
  private static Object byParser(byte delimiter, byte quote, byte[] record) {
    CsvParser parser = new CsvParser(delimiter, quote, quote, Integer.MAX_VALUE);
    Option<scala.collection.immutable.List<ByteString>> parsed;
    try {
      parser.offer(ByteString.fromArray(record));
      parsed = parser.poll(false);
    } catch (Exception malformed) {
      return PARSER_REFUSED;
    }
    List<String> values = new ArrayList<>();
    if (parsed.isEmpty()) {
      return new CsvFields.Fields(values);
    }
    var cells = parsed.get().iterator();
    while (cells.hasNext()) {
      try {
        values.add(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(cells.next().toArray()))
                .toString());
      } catch (CharacterCodingException e) {
        return new CsvFields.Malformed("field " + (values.size() + 1) + " is not valid UTF-8 text");
      }
    }
    return new CsvFields.Fields(values);
  }
}
