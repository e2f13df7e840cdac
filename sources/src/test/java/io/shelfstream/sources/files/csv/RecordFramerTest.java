package io.shelfstream.sources.files.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

/** Framing CSV records out of bytes cut anywhere: lines, offsets, quotes, limits. */
class RecordFramerTest {

  private static List<RawRecord> frame(String text, int chunk, int max) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    RecordFramer framer = new RecordFramer((byte) '"', max, 0, 1);
    List<RawRecord> records = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += chunk) {
      records.addAll(
          framer.offer(ByteString.fromArray(bytes, i, Math.min(chunk, bytes.length - i))));
    }
    records.addAll(framer.finish());
    return records;
  }

  private static String text(RawRecord record) {
    return record.bytes().decodeString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void everyChunkSizeGivesTheSameRecordsLinesAndOffsets() {
    String csv = "\u00EF\u00BB\u00BFa,b\r\n1,\"x\r\ny\"\r\n\r\n2,\"q\"\"\"\n3,z";
    for (int chunk = 1; chunk <= csv.length(); chunk++) {
      List<RawRecord> records = frame(csv, chunk, 1024);
      assertThat(records)
          .extracting(RecordFramerTest::text)
          .containsExactly("a,b", "1,\"x\r\ny\"", "", "2,\"q\"\"\"", "3,z");
      assertThat(records).extracting(RawRecord::line).containsExactly(1L, 2L, 4L, 5L, 6L);
      assertThat(records).extracting(RawRecord::endOffset).containsExactly(8L, 18L, 20L, 28L, 31L);
      assertThat(records).allMatch(record -> record.problem() == null);
    }
  }

  @Test
  void anOverlongRecordKeepsItsStartAndTheNextLinesGoOn() {
    String csv = "h\n" + "x".repeat(5000) + "\"never closed\nnext,1\nlast,2\n";
    List<RawRecord> records = frame(csv, 700, 1024);
    assertThat(records).hasSize(4);
    assertThat(records.get(1).problem()).startsWith("longer than 1024 bytes (5013 bytes");
    assertThat(records.get(1).bytes().size()).isEqualTo(1024);
    assertThat(records.get(1).line()).isEqualTo(2);
    assertThat(records.subList(2, 4))
        .extracting(RecordFramerTest::text)
        .containsExactly("next,1", "last,2");
    assertThat(records.get(3).line()).isEqualTo(4);
  }

  @Test
  void aQuoteLeftOpenFailsItsOwnLineOnlyAndTheLinesAfterItAreFramedAgain() {
    List<RawRecord> records = frame("h\n1,\"open\n2,ok\n3,ok\n", 3, 1024);
    assertThat(records)
        .extracting(RecordFramerTest::text)
        .containsExactly("h", "1,\"open", "2,ok", "3,ok");
    assertThat(records.get(1).problem()).startsWith("unterminated quote");
    assertThat(records).extracting(RawRecord::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records.get(3).endOffset()).isEqualTo(20);
  }

  @Test
  void framingFromAnOffsetNumbersLinesFromThere() {
    RecordFramer framer = new RecordFramer((byte) '"', 1024, 100, 7);
    List<RawRecord> records = new ArrayList<>(framer.offer(ByteString.fromString("a\nb\n")));
    records.addAll(framer.finish());
    assertThat(records).extracting(RawRecord::line).containsExactly(7L, 8L);
    assertThat(records).extracting(RawRecord::endOffset).containsExactly(102L, 104L);
  }
}
