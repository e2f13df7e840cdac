package io.shelfstream.engine.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** How a rejected record's bytes are kept as text in the dead letters. */
public final class RawText {
  /** Raw text kept per dead letter; longer records keep their start and say how long they were. */
  public static final int MAX_KEPT_BYTES = 64 * 1024;

  /** How text kept as a hex dump starts. */
  public static final String HEX_PREFIX = "hex:";

  private RawText() {}

  /**
   * The bytes as UTF-8 text. Bytes that are not UTF-8, or hold a NUL (which PostgreSQL text cannot
   * store), are kept as a hex dump so that nothing of the original is lost.
   */
  public static String of(byte[] raw) {
    for (byte b : raw) {
      if (b == 0) {
        return hex(raw);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      return hex(raw);
    }
  }

  private static String hex(byte[] raw) {
    StringBuilder hex = new StringBuilder(4 + raw.length * 2).append(HEX_PREFIX);
    for (byte b : raw) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }
}
