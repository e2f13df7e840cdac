package io.shelfstream.engine.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;

/**
 * Journal rows and snapshots written by DataOutputStream before BinaryOut existed must read the
 * same, and what BinaryOut writes must be the very bytes DataOutputStream would have written.
 */
class BinaryOutProperties {

  @Example
  void textBeyondAsciiIsModifiedUtf8() throws IOException {
    for (String text :
        List.of(
            "",
            "nul \u0000 inside",
            "caf\u00e9",
            "\u6771\u4eac",
            "\ud83d\uded2 cart",
            "lone \ud800")) {
      var ours = new BinaryOut(1);
      ours.writeText(text);
      var expected = new ByteArrayOutputStream();
      try (var theirs = new DataOutputStream(expected)) {
        theirs.writeUTF(text);
      }
      assertThat(ours.toByteArray()).as(text).isEqualTo(expected.toByteArray());
      assertThat(new BinaryIn(expected.toByteArray()).readText()).isEqualTo(text);
    }
  }

  @Example
  void refusesTextDataOutputStreamRefuses() {
    String tooLong = "x".repeat(0x10000);
    assertThatThrownBy(() -> new BinaryOut(16).writeText(tooLong))
        .hasCauseInstanceOf(UTFDataFormatException.class);
  }

  @Property(tries = 500)
  void writesWhatDataOutputStreamWritesAndReadsItBack(
      @ForAll @Size(max = 8) List<String> anyTexts,
      @ForAll @Size(max = 8) List<@CharRange(from = 1, to = 127) String> asciiTexts,
      @ForAll long number,
      @ForAll int count,
      @ForAll boolean flag)
      throws IOException {
    var ours = new BinaryOut(4);
    var expected = new ByteArrayOutputStream();
    try (var theirs = new DataOutputStream(expected)) {
      for (List<String> texts : List.of(anyTexts, asciiTexts)) {
        for (String text : texts) {
          ours.writeText(text);
          theirs.writeUTF(text);
        }
      }
      ours.writeLong(number);
      theirs.writeLong(number);
      ours.writeInt(count);
      theirs.writeInt(count);
      ours.writeShort(count & 0xFFFF);
      theirs.writeShort(count & 0xFFFF);
      ours.writeBoolean(flag);
      theirs.writeBoolean(flag);
    }
    byte[] written = ours.toByteArray();
    assertThat(written).isEqualTo(expected.toByteArray());

    var in = new BinaryIn(written);
    for (List<String> texts : List.of(anyTexts, asciiTexts)) {
      for (String text : texts) {
        assertThat(in.readText()).isEqualTo(text);
      }
    }
    assertThat(in.readLong()).isEqualTo(number);
    assertThat(in.readInt()).isEqualTo(count);
    assertThat(in.readUnsignedShort()).isEqualTo(count & 0xFFFF);
    assertThat(in.readBoolean()).isEqualTo(flag);
  }
}
