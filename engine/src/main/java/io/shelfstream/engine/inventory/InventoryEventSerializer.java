package io.shelfstream.engine.inventory;

import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.Event;
import io.shelfstream.engine.inventory.LocationInventory.EventsRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.serialization.BinaryFields;
import io.shelfstream.engine.serialization.BinaryIn;
import io.shelfstream.engine.serialization.BinaryOut;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.SaleDetails;
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
 * <p>Layouts: {@code count-1} (sku, stamp, onHand); {@code count-2}, as count-1 then reserved and
 * inTransit (each nullable); {@code movement-1} (sku, stamp, kind, qty, unitPrice, channel,
 * reason); {@code movement-2}, as movement-1 then the sale's details (nullable: revenue, segment,
 * promotion, fulfilment). An event that carries none of the -2 fields is written in its -1 layout,
 * so that such entries stay byte for byte what they were (and readable by a node of the version
 * before).
 *
 * <p>{@link EventsRecorded}, the events of one command in one row, is their count (an int), then
 * per event its layout (a byte), its length (an int) and its bytes as a single event: a reader can
 * split an entry into single events without reading their fields (the benchmark's COPY baseline
 * does, to load one row per event). {@code events-1} holds -1 layouts only, its layout byte 0 for
 * count-1 and 1 for movement-1; {@code events-2}, written when any event needs a -2 layout, adds 2
 * for count-2 and 3 for movement-2.
 */
public final class InventoryEventSerializer extends SerializerWithStringManifest {
  public static final int IDENTIFIER = 74_101;
  private static final String EVENTS_V1 = "events-1";
  private static final String EVENTS_V2 = "events-2";

  /** A single event's layout; its ordinal is its byte in an entry. */
  private enum Layout {
    COUNT_1("count-1"),
    MOVEMENT_1("movement-1"),
    COUNT_2("count-2"),
    MOVEMENT_2("movement-2");

    private static final Layout[] ALL = values();
    final String manifest;

    Layout(String manifest) {
      this.manifest = manifest;
    }

    static Layout of(Event event) {
      if (event instanceof CountRecorded count) {
        return count.reserved() == null && count.inTransit() == null ? COUNT_1 : COUNT_2;
      }
      return ((MovementRecorded) event).sale() == null ? MOVEMENT_1 : MOVEMENT_2;
    }

    static Layout of(String manifest) {
      for (Layout layout : ALL) {
        if (layout.manifest.equals(manifest)) {
          return layout;
        }
      }
      return null;
    }
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object event) {
    if (event instanceof EventsRecorded recorded) {
      for (Event one : recorded.events()) {
        if (Layout.of(one).ordinal() > Layout.MOVEMENT_1.ordinal()) {
          return EVENTS_V2;
        }
      }
      return EVENTS_V1;
    }
    if (event instanceof Event one) {
      return Layout.of(one).manifest;
    }
    throw new IllegalArgumentException("not an inventory event: " + event.getClass());
  }

  @Override
  public byte[] toBinary(Object event) {
    if (event instanceof EventsRecorded recorded) {
      var out = new BinaryOut(16 + 96 * recorded.events().size());
      out.writeInt(recorded.events().size());
      for (Event one : recorded.events()) {
        Layout layout = Layout.of(one);
        out.writeByte(layout.ordinal());
        int lengthAt = out.size();
        out.writeInt(0);
        write(out, one, layout);
        out.setInt(lengthAt, out.size() - lengthAt - Integer.BYTES);
      }
      return out.toByteArray();
    }
    if (!(event instanceof Event one)) {
      throw new IllegalArgumentException("not an inventory event: " + event.getClass());
    }
    var out = new BinaryOut(96);
    write(out, one, Layout.of(one));
    return out.toByteArray();
  }

  private static void write(BinaryOut out, Event event, Layout layout) {
    if (event instanceof CountRecorded count) {
      out.writeText(count.sku());
      BinaryFields.writeStamp(out, count.stamp());
      out.writeLong(count.onHand());
      if (layout == Layout.COUNT_2) {
        BinaryFields.writeNullable(out, count.reserved());
        BinaryFields.writeNullable(out, count.inTransit());
      }
    } else {
      var movement = (MovementRecorded) event;
      out.writeText(movement.sku());
      BinaryFields.writeStamp(out, movement.stamp());
      out.writeText(movement.kind().name());
      out.writeLong(movement.qty());
      BinaryFields.writeDecimal(out, movement.unitPrice());
      BinaryFields.writeNullable(out, movement.channel());
      BinaryFields.writeNullable(out, movement.reason());
      if (layout == Layout.MOVEMENT_2) {
        SaleDetails sale = movement.sale();
        BinaryFields.writeDecimal(out, sale.revenue());
        BinaryFields.writeNullable(out, sale.customerSegment());
        BinaryFields.writeNullable(out, sale.promotionCode());
        BinaryFields.writeNullable(out, sale.fulfillment());
      }
    }
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try {
      var in = new BinaryIn(bytes);
      if (manifest.equals(EVENTS_V1) || manifest.equals(EVENTS_V2)) {
        return readEvents(in, manifest.equals(EVENTS_V2));
      }
      Layout layout = Layout.of(manifest);
      if (layout == null) {
        throw new NotSerializableException("unknown inventory event manifest " + manifest);
      }
      return read(in, layout);
    } catch (NotSerializableException unknown) {
      throw unknown;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable inventory event (" + manifest + ")", e);
    }
  }

  private static EventsRecorded readEvents(BinaryIn in, boolean v2) throws IOException {
    int count = in.readInt();
    if (count < 0) {
      throw new IOException("negative event count " + count);
    }
    // a damaged count fails at the end of the bytes, not by allocating for it
    List<Event> events = new ArrayList<>(Math.min(count, 4096));
    int layouts = v2 ? Layout.ALL.length : 2;
    for (int i = 0; i < count; i++) {
      int layout = in.readUnsignedByte();
      if (layout >= layouts) {
        throw new IOException("event " + i + " of " + count + " has an unknown layout " + layout);
      }
      int length = in.readInt();
      int start = in.position();
      events.add(read(in, Layout.ALL[layout]));
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

  private static Event read(BinaryIn in, Layout layout) throws IOException {
    return switch (layout) {
      case COUNT_1, COUNT_2 -> readCount(in, layout == Layout.COUNT_2);
      case MOVEMENT_1, MOVEMENT_2 -> readMovement(in, layout == Layout.MOVEMENT_2);
    };
  }

  private static CountRecorded readCount(BinaryIn in, boolean v2) throws IOException {
    String sku = in.readText();
    var stamp = BinaryFields.readStamp(in);
    long onHand = in.readLong();
    if (!v2) {
      return new CountRecorded(sku, stamp, onHand);
    }
    return new CountRecorded(
        sku, stamp, onHand, BinaryFields.readNullableLong(in), BinaryFields.readNullableLong(in));
  }

  private static MovementRecorded readMovement(BinaryIn in, boolean v2) throws IOException {
    String sku = in.readText();
    var stamp = BinaryFields.readStamp(in);
    var kind = MovementKind.valueOf(in.readText());
    long qty = in.readLong();
    var unitPrice = BinaryFields.readDecimal(in);
    String channel = BinaryFields.readNullable(in);
    String reason = BinaryFields.readNullable(in);
    SaleDetails sale =
        v2
            ? new SaleDetails(
                BinaryFields.readDecimal(in),
                BinaryFields.readNullable(in),
                BinaryFields.readNullable(in),
                BinaryFields.readNullable(in))
            : null;
    return new MovementRecorded(sku, stamp, kind, qty, unitPrice, channel, reason, sale);
  }
}
