package io.shelfstream.engine.serialization;

import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.protocols.event.MovementKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The journal format of inventory events, the bulk of the journal: a fixed binary layout per
 * manifest. Jackson CBOR wrote the class name as manifest and every field name in every row, and
 * reading it back was a fifth of the node's CPU under load (every event is read again by the
 * projections). A changed layout gets a new manifest; the old ones stay readable here. Rows written
 * by jackson-cbor before this serializer existed carry its id and are still read by it.
 */
public final class InventoryEventSerializer extends SerializerWithStringManifest {
  public static final int IDENTIFIER = 74_101;
  private static final String COUNT_V1 = "count-1";
  private static final String MOVEMENT_V1 = "movement-1";

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object event) {
    if (event instanceof CountRecorded) {
      return COUNT_V1;
    }
    if (event instanceof MovementRecorded) {
      return MOVEMENT_V1;
    }
    throw new IllegalArgumentException("not an inventory event: " + event.getClass());
  }

  @Override
  public byte[] toBinary(Object event) {
    var bytes = new ByteArrayOutputStream(96);
    try (var out = new DataOutputStream(bytes)) {
      if (event instanceof CountRecorded count) {
        out.writeUTF(count.sku());
        writeStamp(out, count.stamp());
        out.writeLong(count.onHand());
      } else if (event instanceof MovementRecorded movement) {
        out.writeUTF(movement.sku());
        writeStamp(out, movement.stamp());
        out.writeUTF(movement.kind().name());
        out.writeLong(movement.qty());
        writeDecimal(out, movement.unitPrice());
        writeNullable(out, movement.channel());
        writeNullable(out, movement.reason());
      } else {
        throw new IllegalArgumentException("not an inventory event: " + event.getClass());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    boolean count = manifest.equals(COUNT_V1);
    if (!count && !manifest.equals(MOVEMENT_V1)) {
      throw new NotSerializableException("unknown inventory event manifest " + manifest);
    }
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return count ? readCount(in) : readMovement(in);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable inventory event (" + manifest + ")", e);
    }
  }

  private static CountRecorded readCount(DataInputStream in) throws IOException {
    return new CountRecorded(in.readUTF(), readStamp(in), in.readLong());
  }

  private static MovementRecorded readMovement(DataInputStream in) throws IOException {
    return new MovementRecorded(
        in.readUTF(),
        readStamp(in),
        MovementKind.valueOf(in.readUTF()),
        in.readLong(),
        readDecimal(in),
        readNullable(in),
        readNullable(in));
  }

  private static void writeStamp(DataOutputStream out, Stamp stamp) throws IOException {
    out.writeUTF(stamp.source());
    out.writeUTF(stamp.eventId());
    OffsetDateTime at = stamp.occurredAt();
    out.writeLong(at.toEpochSecond());
    out.writeInt(at.getNano());
    out.writeInt(at.getOffset().getTotalSeconds());
  }

  private static Stamp readStamp(DataInputStream in) throws IOException {
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

  private static void writeNullable(DataOutputStream out, String text) throws IOException {
    out.writeBoolean(text != null);
    if (text != null) {
      out.writeUTF(text);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void writeDecimal(DataOutputStream out, BigDecimal value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      byte[] unscaled = value.unscaledValue().toByteArray();
      out.writeInt(value.scale());
      out.writeShort(unscaled.length);
      out.write(unscaled);
    }
  }

  private static BigDecimal readDecimal(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    int scale = in.readInt();
    byte[] unscaled = new byte[in.readUnsignedShort()];
    in.readFully(unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }
}
