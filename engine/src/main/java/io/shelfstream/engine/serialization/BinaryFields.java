package io.shelfstream.engine.serialization;

import io.shelfstream.engine.policy.Stamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The fields the binary journal and snapshot formats share, written and read the same way. */
public final class BinaryFields {
  private BinaryFields() {}

  /** What {@link #writeStamp} writes after the source and the id: seconds, nanos, offset. */
  public static final int TIME_BYTES = Long.BYTES + Integer.BYTES + Integer.BYTES;

  public static void writeStamp(BinaryOut out, Stamp stamp) {
    OffsetDateTime at = stamp.occurredAt();
    writeStamp(
        out,
        stamp.source(),
        stamp.eventId(),
        at.toEpochSecond(),
        at.getNano(),
        at.getOffset().getTotalSeconds());
  }

  /** A stamp from its parts, for state that keeps them without a {@link Stamp} object. */
  public static void writeStamp(
      BinaryOut out, String source, String eventId, long epochSecond, int nano, int offsetSeconds) {
    out.writeText(source);
    out.writeText(eventId);
    out.writeLong(epochSecond);
    out.writeInt(nano);
    out.writeInt(offsetSeconds);
  }

  public static Stamp readStamp(BinaryIn in) throws IOException {
    String source = in.readText();
    String eventId = in.readText();
    long epochSecond = in.readLong();
    int nano = in.readInt();
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
    return new Stamp(
        source,
        eventId,
        OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nano), offset));
  }

  public static void writeNullable(BinaryOut out, String text) {
    out.writeBoolean(text != null);
    if (text != null) {
      out.writeText(text);
    }
  }

  public static String readNullable(BinaryIn in) throws IOException {
    return in.readBoolean() ? in.readText() : null;
  }

  public static void writeNullable(BinaryOut out, Long value) {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  public static Long readNullableLong(BinaryIn in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  public static void writeDecimal(BinaryOut out, BigDecimal value) {
    out.writeBoolean(value != null);
    if (value != null) {
      byte[] unscaled = value.unscaledValue().toByteArray();
      out.writeInt(value.scale());
      out.writeShort(unscaled.length);
      out.write(unscaled);
    }
  }

  public static BigDecimal readDecimal(BinaryIn in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    int scale = in.readInt();
    byte[] unscaled = new byte[in.readUnsignedShort()];
    in.readFully(unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }
}
