package io.shelfstream.engine.serialization;

import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.protocols.event.MovementKind;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
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
    var out = new BinaryOut(96);
    if (event instanceof CountRecorded count) {
      out.writeText(count.sku());
      BinaryFields.writeStamp(out, count.stamp());
      out.writeLong(count.onHand());
    } else if (event instanceof MovementRecorded movement) {
      out.writeText(movement.sku());
      BinaryFields.writeStamp(out, movement.stamp());
      out.writeText(movement.kind().name());
      out.writeLong(movement.qty());
      BinaryFields.writeDecimal(out, movement.unitPrice());
      BinaryFields.writeNullable(out, movement.channel());
      BinaryFields.writeNullable(out, movement.reason());
    } else {
      throw new IllegalArgumentException("not an inventory event: " + event.getClass());
    }
    return out.toByteArray();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    boolean count = manifest.equals(COUNT_V1);
    if (!count && !manifest.equals(MOVEMENT_V1)) {
      throw new NotSerializableException("unknown inventory event manifest " + manifest);
    }
    try {
      var in = new BinaryIn(bytes);
      return count ? readCount(in) : readMovement(in);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable inventory event (" + manifest + ")", e);
    }
  }

  private static CountRecorded readCount(BinaryIn in) throws IOException {
    return new CountRecorded(in.readText(), BinaryFields.readStamp(in), in.readLong());
  }

  private static MovementRecorded readMovement(BinaryIn in) throws IOException {
    return new MovementRecorded(
        in.readText(),
        BinaryFields.readStamp(in),
        MovementKind.valueOf(in.readText()),
        in.readLong(),
        BinaryFields.readDecimal(in),
        BinaryFields.readNullable(in),
        BinaryFields.readNullable(in));
  }
}
