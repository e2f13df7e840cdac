package io.shelfstream.persistence.journal.groupcommit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format: a header, then per row its field count and each field's
 * length and bytes (big-endian numbers, text as UTF-8, bytea as is, -1 for NULL), then a trailer.
 * Reused from batch to batch by one writer thread.
 */
final class BinaryCopyBuffer {
  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0
  };

  private byte[] bytes = new byte[1 << 16];
  private int length;

  /** Starts a new COPY: drops what was written before and writes the header. */
  BinaryCopyBuffer start() {
    length = 0;
    put(SIGNATURE, 0, SIGNATURE.length);
    putInt(0); // flags: no OIDs
    putInt(0); // no header extension
    return this;
  }

  BinaryCopyBuffer row(int fields) {
    putShort(fields);
    return this;
  }

  BinaryCopyBuffer int8(long value) {
    putInt(Long.BYTES);
    putLong(value);
    return this;
  }

  /** A {@code uuid}: its 16 bytes, most significant first. */
  BinaryCopyBuffer uuid(long high, long low) {
    putInt(2 * Long.BYTES);
    putLong(high);
    putLong(low);
    return this;
  }

  BinaryCopyBuffer int4(Integer value) {
    if (value == null) {
      return nullField();
    }
    putInt(Integer.BYTES);
    putInt(value);
    return this;
  }

  /**
   * UTF-8, written in place when it is ASCII: the same few persistence ids, writer id and manifests
   * are in every row, and encoding each into an array of its own first was a twentieth of the
   * node's allocation under load.
   */
  BinaryCopyBuffer text(String value) {
    if (value == null) {
      return nullField();
    }
    int count = value.length();
    ensure(4 + count);
    int start = length;
    int at = start + 4;
    for (int i = 0; i < count; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        return bytea(value.getBytes(StandardCharsets.UTF_8));
      }
      bytes[at++] = (byte) c;
    }
    putInt(count);
    length = at;
    return this;
  }

  BinaryCopyBuffer bytea(byte[] value) {
    if (value == null) {
      return nullField();
    }
    putInt(value.length);
    put(value, 0, value.length);
    return this;
  }

  /** Ends the COPY: the trailer. */
  BinaryCopyBuffer finish() {
    putShort(-1);
    return this;
  }

  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  private BinaryCopyBuffer nullField() {
    putInt(-1);
    return this;
  }

  private void putShort(int value) {
    ensure(2);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
  }

  private void putInt(int value) {
    ensure(4);
    bytes[length++] = (byte) (value >>> 24);
    bytes[length++] = (byte) (value >>> 16);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
  }

  private void putLong(long value) {
    putInt((int) (value >>> 32));
    putInt((int) value);
  }

  private void put(byte[] source, int offset, int count) {
    ensure(count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
