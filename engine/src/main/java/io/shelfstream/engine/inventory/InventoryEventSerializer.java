package io.shelfstream.engine.inventory;

import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.Event;
import io.shelfstream.engine.inventory.LocationInventory.EventsRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.serialization.BinaryFields;
import io.shelfstream.engine.serialization.BinaryIn;
import io.shelfstream.engine.serialization.BinaryOut;
import io.shelfstream.protocols.event.MovementKind;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The journal format of inventory events, the bulk of the journal: a fixed binary layout per
 * manifest. Jackson CBOR wrote the class name as manifest and every field name in every row, and
 * reading it back was a fifth of the node's CPU under load (every event is read again by the
 * projections). A changed layout gets a new manifest; the old ones stay readable here. Rows written
 * by jackson-cbor before this serializer existed carry its id and are still read by it.
 *
 * <p>{@link EventsRecorded}, the events of one command in one row, is their count (an int), then
 * per event its kind (a byte: 0 for {@code count-1}, 1 for {@code movement-1}), its length (an int)
 * and its bytes as a single event: a reader can split an entry into single events without reading
 * their fields (the benchmark's COPY baseline does, to load one row per event).
 */
public final class InventoryEventSerializer extends SerializerWithStringManifest {
  public static final int IDENTIFIER = 74_101;
  private static final String COUNT_V1 = "count-1";
  private static final String MOVEMENT_V1 = "movement-1";
  private static final String EVENTS_V1 = "events-1";

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
    if (event instanceof EventsRecorded) {
      return EVENTS_V1;
    }
    throw new IllegalArgumentException("not an inventory event: " + event.getClass());
  }

  @Override
  public byte[] toBinary(Object event) {
    if (event instanceof EventsRecorded recorded) {
      var out = new BinaryOut(16 + 96 * recorded.events().size());
      out.writeInt(recorded.events().size());
      for (Event one : recorded.events()) {
        out.writeBoolean(one instanceof MovementRecorded);
        int lengthAt = out.size();
        out.writeInt(0);
        write(out, one);
        out.setInt(lengthAt, out.size() - lengthAt - Integer.BYTES);
      }
      return out.toByteArray();
    }
    if (!(event instanceof Event one)) {
      throw new IllegalArgumentException("not an inventory event: " + event.getClass());
    }
    var out = new BinaryOut(96);
    write(out, one);
    return out.toByteArray();
  }

  private static void write(BinaryOut out, Event event) {
    if (event instanceof CountRecorded count) {
      out.writeText(count.sku());
      BinaryFields.writeStamp(out, count.stamp());
      out.writeLong(count.onHand());
    } else {
      var movement = (MovementRecorded) event;
      out.writeText(movement.sku());
      BinaryFields.writeStamp(out, movement.stamp());
      out.writeText(movement.kind().name());
      out.writeLong(movement.qty());
      BinaryFields.writeDecimal(out, movement.unitPrice());
      BinaryFields.writeNullable(out, movement.channel());
      BinaryFields.writeNullable(out, movement.reason());
    }
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try {
      var in = new BinaryIn(bytes);
      return switch (manifest) {
        case COUNT_V1 -> readCount(in);
        case MOVEMENT_V1 -> readMovement(in);
        case EVENTS_V1 -> readEvents(in);
        default ->
            throw new NotSerializableException("unknown inventory event manifest " + manifest);
      };
    } catch (NotSerializableException unknown) {
      throw unknown;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable inventory event (" + manifest + ")", e);
    }
  }

  private static EventsRecorded readEvents(BinaryIn in) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("negative event count " + count);
    }
    // a damaged count fails at the end of the bytes, not by allocating for it
    List<Event> events = new ArrayList<>(Math.min(count, 4096));
    for (int i = 0; i < count; i++) {
      boolean movement = in.readBoolean();
      int length = in.readInt();
      int start = in.position();
      events.add(movement ? readMovement(in) : readCount(in));
      if (in.position() - start != length) {
        throw new IOException(
            "event "
                + i
                + " of "
                + count
                + " is "
                + length
                + " bytes long, read "
                + (in.position() - start));
      }
    }
    return new EventsRecorded(events);
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
