package io.shelfstream.engine.serialization;

import io.shelfstream.engine.policy.Stamp;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The fields the binary journal and snapshot formats share, written and read the same way. */
final class BinaryFields {
  private BinaryFields() {}

  static void writeStamp(DataOutputStream out, Stamp stamp) throws IOException {
    out.writeUTF(stamp.source());
    out.writeUTF(stamp.eventId());
    OffsetDateTime at = stamp.occurredAt();
    out.writeLong(at.toEpochSecond());
    out.writeInt(at.getNano());
    out.writeInt(at.getOffset().getTotalSeconds());
  }

  static Stamp readStamp(DataInputStream in) throws IOException {
    String source = in.readUTF();
    String eventId = in.readUTF();
    long epochSecond = in.readLong();
    int nano = in.readInt();
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(in.readInt());
    return new Stamp(
        source,
        eventId,
        OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond, nano), offset));
  }

  static void writeNullable(DataOutputStream out, String text) throws IOException {
    out.writeBoolean(text != null);
    if (text != null) {
      out.writeUTF(text);
    }
  }

  static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  static void writeDecimal(DataOutputStream out, BigDecimal value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      byte[] unscaled = value.unscaledValue().toByteArray();
      out.writeInt(value.scale());
      out.writeShort(unscaled.length);
      out.write(unscaled);
    }
  }

  static BigDecimal readDecimal(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    int scale = in.readInt();
    byte[] unscaled = new byte[in.readUnsignedShort()];
    in.readFully(unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }
}
