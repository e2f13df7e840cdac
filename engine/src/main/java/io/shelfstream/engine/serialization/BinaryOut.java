package io.shelfstream.engine.serialization;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes the binary formats into a growing array, byte for byte as {@link DataOutputStream} would
 * (big-endian numbers, text in modified UTF-8 after its length), so that what was written either
 * way reads the same. DataOutputStream over a ByteArrayOutputStream takes a lock for every number
 * and encodes text in two passes; this writes in place, and ASCII text in one pass.
 */
public final class BinaryOut {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] bytes;
  private int size;

  public BinaryOut(int initialCapacity) {
    bytes = new byte[initialCapacity];
  }

  /** The bytes written; the buffer itself when they fill it exactly, so write nothing after. */
  public byte[] toByteArray() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }

  public void writeBoolean(boolean value) {
    ensure(1);
    bytes[size++] = (byte) (value ? 1 : 0);
  }

  /** The low 8 bits of {@code value}. */
  public void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  public void writeShort(int value) {
    ensure(2);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
  }

  public void writeInt(int value) {
    ensure(4);
    INT.set(bytes, size, value);
    size += 4;
  }

  /** Bytes written so far: where the next write goes. */
  public int size() {
    return size;
  }

  /** Overwrites four bytes already written at {@code at} (a length known only afterwards). */
  public void setInt(int at, int value) {
    if (at < 0 || at + 4 > size) {
      throw new IndexOutOfBoundsException("no int written at " + at);
    }
    INT.set(bytes, at, value);
  }

  public void writeLong(long value) {
    ensure(8);
    LONG.set(bytes, size, value);
    size += 8;
  }

  public void write(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  /** As {@link DataOutputStream#writeUTF}: two bytes of length, then modified UTF-8. */
  public void writeText(String text) {
    int length = text.length();
    if (length > 0xFFFF) {
      writeEncodedByDataOutput(text); // which refuses it, as DataOutputStream does
      return;
    }
    ensure(2 + length);
    int start = size;
    int at = start + 2;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == 0 || c >= 0x80) {
        writeEncodedByDataOutput(text);
        return;
      }
      bytes[at++] = (byte) c;
    }
    bytes[start] = (byte) (length >>> 8);
    bytes[start + 1] = (byte) length;
    size = at;
  }

  /** Text beyond ASCII (or too long, which DataOutputStream refuses). */
  private void writeEncodedByDataOutput(String text) {
    var encoded = new ByteArrayOutputStream(text.length() * 3 + 2);
    try (var out = new DataOutputStream(encoded)) {
      out.writeUTF(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(encoded.toByteArray());
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
