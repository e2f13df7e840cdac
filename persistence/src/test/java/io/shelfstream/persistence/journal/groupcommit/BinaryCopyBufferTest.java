package io.shelfstream.persistence.journal.groupcommit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BinaryCopyBufferTest {
  private static final int HEADER = 19; // signature 11, flags 4, extension length 4

  @Test
  void textIsItsUtf8LengthThenItsUtf8Bytes() throws IOException {
    for (String text :
        new String[] {"", "Location|S001", "Caf\u00e9 \u2013 M\u00fcnchen", "\ud83d\uded2 cart"}) {
      var buffer = new BinaryCopyBuffer().start().text(text);
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      assertThat(field(buffer)).as(text).isEqualTo(lengthThen(utf8));
    }
  }

  @Test
  void aNullTextIsLengthMinusOne() throws IOException {
    var buffer = new BinaryCopyBuffer().start().text(null);
    assertThat(field(buffer)).isEqualTo(new byte[] {-1, -1, -1, -1});
  }

  @Test
  void fieldsFollowEachOtherAndTheBufferGrowsPastItsFirstSize() throws IOException {
    String longText = "x".repeat(70_000); // beyond the first 64 KiB of the buffer
    var buffer = new BinaryCopyBuffer().start().text("a").text(longText).text("\u00e9");
    var expected = new ByteArrayOutputStream();
    expected.write(lengthThen("a".getBytes(StandardCharsets.UTF_8)));
    expected.write(lengthThen(longText.getBytes(StandardCharsets.UTF_8)));
    expected.write(lengthThen("\u00e9".getBytes(StandardCharsets.UTF_8)));
    assertThat(field(buffer)).isEqualTo(expected.toByteArray());
  }

  private static byte[] field(BinaryCopyBuffer buffer) {
    return Arrays.copyOfRange(buffer.bytes(), HEADER, buffer.length());
  }

  private static byte[] lengthThen(byte[] value) throws IOException {
    var out = new ByteArrayOutputStream();
    var data = new DataOutputStream(out);
    data.writeInt(value.length);
    data.write(value);
    return out.toByteArray();
  }
}
