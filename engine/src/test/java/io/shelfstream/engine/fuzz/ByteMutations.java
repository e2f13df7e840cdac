package io.shelfstream.engine.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Inputs for fuzz targets: valid inputs of a format broken the ways senders and networks break them
 * (a flipped bit, a byte replaced, a piece cut off, dropped or repeated, a token of the format's
 * troublemakers spliced in), and arbitrary bytes. Edits name positions modulo the input's size, so
 * that jqwik can shrink them.
 */
public final class ByteMutations {
  /** Bytes that change what a text format means: quotes, separators, line ends, NUL, non-UTF-8. */
  private static final byte[] SPECIAL_BYTES = {
    0,
    '"',
    '\'',
    '\\',
    ',',
    ';',
    '\t',
    '|',
    '\n',
    '\r',
    '{',
    '}',
    '[',
    ']',
    ':',
    ' ',
    (byte) 0x80,
    (byte) 0xC3,
    (byte) 0xED,
    (byte) 0xEF,
    (byte) 0xFF
  };

  /** Byte sequences that are not UTF-8: lone continuation, overlong, surrogate, cut off. */
  public static final List<byte[]> INVALID_UTF8 =
      List.of(
          bytes(0x80),
          bytes(0xFF),
          bytes(0xC0, 0xAF),
          bytes(0xC3, 0x28),
          bytes(0xE2, 0x28, 0xA1),
          bytes(0xED, 0xA0, 0x80),
          bytes(0xF8, 0x88, 0x80, 0x80, 0x80),
          bytes(0xF0, 0x9F, 0x98));

  private ByteMutations() {}

  private enum Kind {
    FLIP_BIT,
    SET_SPECIAL_BYTE,
    INSERT_TOKEN,
    REPLACE_WITH_TOKEN,
    DELETE,
    DUPLICATE,
    TRUNCATE
  }

  private record Edit(Kind kind, int at, int span, int pick) {
    byte[] applyTo(byte[] input, List<byte[]> tokens) {
      int size = input.length;
      int from = size == 0 ? 0 : at % (size + 1);
      int to = Math.min(size, from + span);
      byte[] token = tokens.get(pick % tokens.size());
      return switch (kind) {
        case FLIP_BIT -> {
          if (size == 0) {
            yield input;
          }
          byte[] out = input.clone();
          out[at % size] ^= (byte) (1 << (pick % 8));
          yield out;
        }
        case SET_SPECIAL_BYTE -> {
          if (size == 0) {
            yield new byte[] {SPECIAL_BYTES[pick % SPECIAL_BYTES.length]};
          }
          byte[] out = input.clone();
          out[at % size] = SPECIAL_BYTES[pick % SPECIAL_BYTES.length];
          yield out;
        }
        case INSERT_TOKEN -> splice(input, from, from, token);
        case REPLACE_WITH_TOKEN -> splice(input, from, to, token);
        case DELETE -> splice(input, from, to, new byte[0]);
        case DUPLICATE -> splice(input, to, to, Arrays.copyOfRange(input, from, to));
        case TRUNCATE -> Arrays.copyOf(input, from);
      };
    }
  }

  /**
   * Each seed with 1 to {@code maxEdits} edits; {@code tokens} are what {@code INSERT_TOKEN} and
   * {@code REPLACE_WITH_TOKEN} splice in.
   */
  public static Arbitrary<byte[]> mutated(
      Arbitrary<byte[]> seeds, List<byte[]> tokens, int maxEdits) {
    Arbitrary<Edit> edits =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 64),
                Arbitraries.integers().between(0, Integer.MAX_VALUE))
            .as(Edit::new);
    return Combinators.combine(seeds, edits.list().ofMinSize(1).ofMaxSize(maxEdits))
        .as(
            (seed, list) -> {
              byte[] out = seed;
              for (Edit edit : list) {
                out = edit.applyTo(out, tokens);
              }
              return out;
            });
  }

  /** Any bytes, up to {@code maxSize}, often made mostly of {@code alphabet}'s bytes. */
  public static Arbitrary<byte[]> anyBytes(int maxSize, String alphabet) {
    byte[] letters = alphabet.getBytes(StandardCharsets.UTF_8);
    Arbitrary<Byte> anyByte = Arbitraries.bytes();
    Arbitrary<Byte> letter =
        Arbitraries.integers().between(0, letters.length - 1).map(i -> letters[i]);
    return Arbitraries.oneOf(anyByte, letter, letter)
        .list()
        .ofMaxSize(maxSize)
        .map(
            list -> {
              byte[] out = new byte[list.size()];
              for (int i = 0; i < out.length; i++) {
                out[i] = list.get(i);
              }
              return out;
            });
  }

  /** The input cut into chunks of {@code size} bytes, as a network or a file read hands it over. */
  public static List<byte[]> chunks(byte[] input, int size) {
    List<byte[]> chunks = new ArrayList<>();
    for (int from = 0; from < input.length; from += size) {
      chunks.add(Arrays.copyOfRange(input, from, Math.min(input.length, from + size)));
    }
    return chunks;
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] splice(byte[] input, int from, int to, byte[] insert) {
    byte[] out = new byte[input.length - (to - from) + insert.length];
    System.arraycopy(input, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(input, to, out, from + insert.length, input.length - to);
    return out;
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
