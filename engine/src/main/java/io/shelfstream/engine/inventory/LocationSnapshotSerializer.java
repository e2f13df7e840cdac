package io.shelfstream.engine.inventory;

import io.shelfstream.engine.dedupe.FingerprintSet;
import io.shelfstream.engine.dedupe.IdMemory;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.policy.Versioned;
import io.shelfstream.engine.serialization.BinaryFields;
import io.shelfstream.engine.serialization.BinaryIn;
import io.shelfstream.engine.serialization.BinaryOut;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The snapshot format of inventory entities: every SKU record of a location in a fixed binary
 * layout. A snapshot holds every id the records remember, and jackson-cbor, writing field names and
 * ISO timestamps for each, spent about 5% of the node's CPU on them under load. A changed layout
 * gets a new manifest; snapshots written by jackson-cbor before this serializer carry its id and
 * are still read by it. A record moved to the record store is written in the layout of a record in
 * the newest snapshot, and read back whichever layout since location-3 wrote it.
 */
public final class LocationSnapshotSerializer extends SerializerWithStringManifest {
  public static final int IDENTIFIER = 74_102;
  private static final String LOCATION_V1 = "location-1";
  // as location-1, and each record's forgottenThrough after the ids it remembers
  private static final String LOCATION_V2 = "location-2";
  // as location-2, then the fingerprints of the SKUs whose records are in the record store
  private static final String LOCATION_V3 = "location-3";
  // as location-3, and each record's reservations by source after its forgottenThrough
  private static final String LOCATION_V4 = "location-4";

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object snapshot) {
    if (snapshot instanceof LocationState) {
      return LOCATION_V4;
    }
    throw new IllegalArgumentException("not an inventory snapshot: " + snapshot.getClass());
  }

  @Override
  public byte[] toBinary(Object snapshot) {
    if (!(snapshot instanceof LocationState location)) {
      throw new IllegalArgumentException("not an inventory snapshot: " + snapshot.getClass());
    }
    // sized once: a busy location's snapshot is megabytes, and growing a buffer to it by
    // doubling allocated about three times that, in humongous arrays
    var out = new BinaryOut((int) Math.min(sizeOf(location), Integer.MAX_VALUE - 16));
    out.writeInt(location.skuCount());
    for (Map.Entry<String, InventoryState> sku : location.bySku().entrySet()) {
      out.writeText(sku.getKey());
      writeRecord(out, sku.getValue());
    }
    out.writeInt(location.evictedSkus().size());
    location.evictedSkus().forEach(out::writeLong);
    return out.toByteArray();
  }

  /** One record as the record store keeps it: the layout of a record in a snapshot. */
  public static byte[] recordBytes(InventoryState record) {
    var out = new BinaryOut(256);
    writeRecord(out, record);
    return out.toByteArray();
  }

  /**
   * A record the record store kept ({@link #recordBytes}). Rows written before location-4 end after
   * the record's forgottenThrough, without reservations.
   */
  public static InventoryState readRecord(byte[] bytes) {
    try {
      return readRecord(new BinaryIn(bytes), true, null);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable inventory record", e);
    }
  }

  /**
   * The bytes {@link #toBinary} writes for {@code location}, counting a character as one byte (ids
   * and sources are ASCII in practice); without writing them, for deciding when to snapshot.
   */
  public static long sizeOf(LocationState location) {
    long size = Integer.BYTES + Integer.BYTES + (long) location.evictedSkus().size() * Long.BYTES;
    for (Map.Entry<String, InventoryState> sku : location.bySku().entrySet()) {
      size += textSize(sku.getKey()) + recordSize(sku.getValue());
    }
    return size;
  }

  private static long recordSize(InventoryState record) {
    long size = Long.BYTES + Integer.BYTES + Integer.BYTES;
    for (Map.Entry<String, Reservations> reservations : record.reservationsBySource().entrySet()) {
      size +=
          textSize(reservations.getKey())
              + nullableLongSize(reservations.getValue().reserved())
              + nullableLongSize(reservations.getValue().inTransit());
    }
    for (Map.Entry<String, Versioned<Long>> count : record.countsBySource().entrySet()) {
      Stamp stamp = count.getValue().stamp();
      size += textSize(count.getKey()) + Long.BYTES + stampSize(stamp.source(), stamp.eventId());
    }
    size += Integer.BYTES;
    for (Movement movement : record.movements()) {
      size += stampSize(movement.source(), movement.eventId()) + Long.BYTES;
    }
    // each id: its source and event id as text, and its time
    long seen =
        Integer.BYTES
            + (long) record.seenCount() * (2 * Short.BYTES + Long.BYTES)
            + record.seenTextLength()
            + Long.BYTES;
    return size + seen;
  }

  private static long stampSize(String source, String eventId) {
    return textSize(source) + textSize(eventId) + BinaryFields.TIME_BYTES;
  }

  private static long nullableLongSize(Long value) {
    return value == null ? 1 : 1 + Long.BYTES;
  }

  private static long textSize(String text) {
    return Short.BYTES + text.length();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    boolean v4 = manifest.equals(LOCATION_V4);
    boolean v3 = v4 || manifest.equals(LOCATION_V3);
    boolean v2 = v3 || manifest.equals(LOCATION_V2);
    if (!v2 && !manifest.equals(LOCATION_V1)) {
      throw new NotSerializableException("unknown inventory snapshot manifest " + manifest);
    }
    try {
      var in = new BinaryIn(bytes);
      int skus = in.readInt();
      Map<String, InventoryState> bySku = new HashMap<>(skus * 4 / 3 + 1);
      for (int i = 0; i < skus; i++) {
        bySku.put(in.readText(), readRecord(in, v2, v4));
      }
      FingerprintSet evicted = new FingerprintSet();
      if (v3) {
        for (int i = in.readInt(); i > 0; i--) {
          evicted.add(in.readLong());
        }
      }
      return LocationState.snapshot(bySku, evicted);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable inventory snapshot (" + manifest + ")", e);
    }
  }

  private static void writeRecord(BinaryOut out, InventoryState record) {
    out.writeLong(record.version());
    out.writeInt(record.countsBySource().size());
    for (Map.Entry<String, Versioned<Long>> count : record.countsBySource().entrySet()) {
      out.writeText(count.getKey());
      out.writeLong(count.getValue().value());
      BinaryFields.writeStamp(out, count.getValue().stamp());
    }
    out.writeInt(record.movements().size());
    for (Movement movement : record.movements()) {
      // from its parts: a Stamp per movement would be garbage made for each snapshot
      BinaryFields.writeStamp(
          out,
          movement.source(),
          movement.eventId(),
          movement.epochSecond(),
          movement.nano(),
          movement.offsetSeconds());
      out.writeLong(movement.delta());
    }
    out.writeInt(record.seenCount());
    record.forEachSeen(
        (source, eventId, epochMilli) -> {
          out.writeText(source);
          out.writeText(eventId);
          out.writeLong(epochMilli);
        });
    out.writeLong(record.forgottenThrough());
    out.writeInt(record.reservationsBySource().size());
    for (Map.Entry<String, Reservations> reservations : record.reservationsBySource().entrySet()) {
      out.writeText(reservations.getKey());
      BinaryFields.writeNullable(out, reservations.getValue().reserved());
      BinaryFields.writeNullable(out, reservations.getValue().inTransit());
    }
  }

  /**
   * {@code v4}: whether the record has reservations; null for a record store row, which has them if
   * bytes remain after its forgottenThrough.
   */
  private static InventoryState readRecord(BinaryIn in, boolean v2, Boolean v4) throws IOException {
    long version = in.readLong();
    int countSources = in.readInt();
    Map<String, Versioned<Long>> counts = new HashMap<>(countSources * 4 / 3 + 1);
    for (int i = 0; i < countSources; i++) {
      String source = in.readText();
      long value = in.readLong();
      counts.put(source, new Versioned<>(value, BinaryFields.readStamp(in)));
    }
    int movementCount = in.readInt();
    List<Movement> movements = new ArrayList<>(movementCount);
    for (int i = 0; i < movementCount; i++) {
      movements.add(new Movement(BinaryFields.readStamp(in), in.readLong()));
    }
    int seenCount = in.readInt();
    List<IdMemory.Entry> seen = new ArrayList<>(seenCount);
    for (int i = 0; i < seenCount; i++) {
      seen.add(new IdMemory.Entry(in.readText(), in.readText(), in.readLong()));
    }
    // location-1 did not keep it: the record assumes it from what it forgot
    Long forgottenThrough = v2 ? in.readLong() : null;
    Map<String, Reservations> reservations = new HashMap<>(4);
    if (v4 == null ? !in.atEnd() : v4) {
      for (int i = in.readInt(); i > 0; i--) {
        String source = in.readText();
        reservations.put(
            source,
            new Reservations(BinaryFields.readNullableLong(in), BinaryFields.readNullableLong(in)));
      }
    }
    return new InventoryState(counts, reservations, movements, seen, forgottenThrough, version);
  }
}
