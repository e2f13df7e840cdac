package io.shelfstream.sources.files.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/** One record's fields, by pekko-connectors-csv's parser. */
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
}
