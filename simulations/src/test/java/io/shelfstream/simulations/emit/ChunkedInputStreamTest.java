package io.shelfstream.simulations.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkedInputStreamTest {

  private static String decode(String wire) throws IOException {
    var in =
        new ChunkedInputStream(
            new BufferedInputStream(
                new ByteArrayInputStream(wire.getBytes(StandardCharsets.US_ASCII))));
    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
  }

  @Test
  void joinsChunksAndIgnoresExtensionsAndTrailers() throws IOException {
    assertThat(
            decode(
                "5\r\nhello\r\n1;name=value\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\n"))
        .isEqualTo("hello 0123456789");
  }

  @Test
  void aConnectionClosedInsideAChunkIsAnError() {
    assertThatThrownBy(() -> decode("a\r\nabc")).isInstanceOf(IOException.class);
  }
}
