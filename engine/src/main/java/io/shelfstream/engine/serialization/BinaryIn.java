package io.shelfstream.engine.serialization;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryOut} (or a {@link java.io.DataOutputStream}) wrote, from an array. */
public final class BinaryIn {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final byte[] bytes;
  private int at;

  public BinaryIn(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Bytes read so far. */
  public int position() {
    return at;
  }

  /** Whether every byte was read. */
  public boolean atEnd() {
    return at == bytes.length;
  }

  public int readUnsignedByte() throws IOException {
    need(1);
    return bytes[at++] & 0xFF;
  }

  public boolean readBoolean() throws IOException {
    need(1);
    return bytes[at++] != 0;
  }

  public int readUnsignedShort() throws IOException {
    need(2);
    int value = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    at += 2;
    return value;
  }

  public int readInt() throws IOException {
    need(4);
    int value = (int) INT.get(bytes, at);
    at += 4;
    return value;
  }

  public long readLong() throws IOException {
    need(8);
    long value = (long) LONG.get(bytes, at);
    at += 8;
    return value;
  }

  public void readFully(byte[] into) throws IOException {
    need(into.length);
    System.arraycopy(bytes, at, into, 0, into.length);
    at += into.length;
  }

  /** As {@link DataInputStream#readUTF}. */
  public String readText() throws IOException {
    int length = readUnsignedShort();
    need(length);
    for (int i = at; i < at + length; i++) {
      if (bytes[i] <= 0) { // beyond ASCII (modified UTF-8 never holds a zero byte)
        return readEncodedByDataInput(length);
      }
    }
    String text = new String(bytes, at, length, StandardCharsets.ISO_8859_1);
    at += length;
    return text;
  }

  private String readEncodedByDataInput(int length) throws IOException {
    var in = new DataInputStream(new ByteArrayInputStream(bytes, at - 2, length + 2));
    String text = in.readUTF();
    at += length;
    return text;
  }

  private void need(int count) throws EOFException {
    if (at + count > bytes.length) {
      throw new EOFException("the binary record ends early, at byte " + at);
    }
  }
}
