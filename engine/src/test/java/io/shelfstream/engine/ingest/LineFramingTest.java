package io.shelfstream.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class LineFramingTest {
  private static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static List<Line> frame(int max, String... chunks) throws Exception {
    List<ByteString> bytes = new ArrayList<>();
    for (String chunk : chunks) {
      bytes.add(ByteString.fromString(chunk));
    }
    return Source.from(bytes)
        .via(new LineFraming(max))
        .runWith(Sink.seq(), testKit.system())
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static List<String> texts(List<Line> lines) {
    return lines.stream().map(line -> line.bytes().utf8String()).toList();
  }

  @Test
  void aLongLineSentAByteAtATimeIsOneLine() throws Exception {
    // a slow sender's worst case: a full-length line in one-byte chunks, then the next line
    String line = "y".repeat(PosLines.MAX_LINE_BYTES);
    String[] chunks = (line + "\nnext\n").split("");
    var lines = frame(PosLines.MAX_LINE_BYTES, chunks);
    assertThat(texts(lines)).containsExactly(line, "next");
    assertThat(lines.get(0).overlong()).isFalse();
  }

  @Test
  void splitsLinesAcrossChunksAndDropsCarriageReturns() throws Exception {
    var lines = frame(100, "ab", "c\r\nde\n", "\n", "f");
    assertThat(texts(lines)).containsExactly("abc", "de", "", "f");
    assertThat(lines).extracting(Line::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(lines.get(2).isBlank()).isTrue();
  }

  @Test
  void anOverlongLineIsReportedWithItsStartAndLengthAndTheNextLinesGoOn() throws Exception {
    String longLine = "x".repeat(50);
    var lines =
        frame(
            10,
            "ok\n" + longLine.substring(0, 7),
            longLine.substring(7, 30),
            longLine.substring(30) + "\nnext\n");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).overlong()).isTrue();
    assertThat(lines.get(1).length()).isEqualTo(50);
    assertThat(lines.get(1).bytes().utf8String()).isEqualTo("x".repeat(10));
    assertThat(lines.get(1).isBlank()).isFalse();
    assertThat(lines.get(2).bytes().utf8String()).isEqualTo("next");
    assertThat(lines.get(2).number()).isEqualTo(3);
  }

  @Test
  void anOverlongLineInOneChunkAndAtTheEndOfTheBody() throws Exception {
    var lines = frame(4, "123456\n12345");
    assertThat(lines).extracting(Line::overlong).containsExactly(true, true);
    assertThat(lines).extracting(Line::length).containsExactly(6L, 5L);
  }

  @Test
  void aLineOfExactlyTheLimitIsKept() throws Exception {
    var lines = frame(4, "1234\n");
    assertThat(lines.get(0).overlong()).isFalse();
    assertThat(texts(lines)).containsExactly("1234");
  }

  @Test
  void anEmptyBodyHasNoLines() throws Exception {
    assertThat(frame(10)).isEmpty();
    assertThat(frame(10, "")).isEmpty();
  }

  @Test
  void manyLinesInOneChunkAreEmittedOneByOne() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      body.append(i).append('\n');
    }
    var lines = frame(10, body.toString());
    assertThat(lines).hasSize(1000);
    assertThat(lines.get(999).bytes().utf8String()).isEqualTo("999");
  }
}
