package io.shelfstream.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.dedupe.DedupeSettings;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.Event;
import io.shelfstream.engine.inventory.LocationInventory.EventsRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.serialization.BinaryIn;
import io.shelfstream.engine.testkit.PekkoSerialization;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.SaleDetails;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Journals and snapshots written before reservations and sale details existed replay as they did
 * (their bytes are in test resources, see formats/README.md); events without the new fields are
 * still written byte for byte as then; and the new fields survive the journal, snapshots and the
 * record store.
 */
class JournalFormatsTest {
  @RegisterExtension static final PekkoSerialization PEKKO = new PekkoSerialization();

  private static final InventoryEventSerializer EVENTS_SERIALIZER = new InventoryEventSerializer();
  private static final LocationSnapshotSerializer SNAPSHOTS = new LocationSnapshotSerializer();
  private static final GoldenRecordSettings SETTINGS =
      TestSettings.with(
          TestSettings.lastWriteWins().onHand(), new DedupeSettings(Duration.ofHours(1), 5));

  static final List<Event> EVENTS =
      List.of(
          new CountRecorded(
              "SKU-1",
              new Stamp("erp", "c-1", OffsetDateTime.parse("2026-03-01T08:00:00+01:00")),
              12),
          new MovementRecorded(
              "SKU-ü",
              new Stamp("pos", "s-1", OffsetDateTime.parse("2026-03-01T09:15:30.123456789-05:30")),
              MovementKind.SALE,
              3,
              new BigDecimal("19.990"),
              "web",
              null),
          new MovementRecorded(
              "SKU-2",
              new Stamp("wms", "a-1", OffsetDateTime.parse("2026-03-01T09:15:00Z")),
              MovementKind.ADJUSTMENT,
              -4,
              null,
              null,
              "shrink"));

  /** The location of location-3.bin, before its records were evicted. */
  static LocationState location() {
    var state = new LocationState();
    OffsetDateTime t0 = OffsetDateTime.parse("2026-03-01T08:00:00+01:00");
    for (int n = 0; n < 40; n++) {
      String sku = "SKU-" + (n % 3 == 0 ? "ü" : Integer.toString(n % 4));
      var stamp =
          new Stamp(
              n % 20 == 0 ? "erp" : n % 10 == 0 ? "wms" : "pos",
              (n % 10 == 0 ? "c" : "m") + n,
              t0.plusMinutes(7L * n));
      state.apply(
          n % 10 == 0
              ? new CountRecorded(sku, stamp, 100 + n)
              : new MovementRecorded(
                  sku,
                  stamp,
                  n % 2 == 0 ? MovementKind.SALE : MovementKind.RECEIPT,
                  n,
                  null,
                  null,
                  null),
          SETTINGS);
    }
    return state;
  }

  private static byte[] resource(String name) throws IOException {
    try (var in = JournalFormatsTest.class.getResourceAsStream("/formats/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void eventsAndEntriesWrittenBeforeReadBackAndAreStillWrittenTheSame() throws Exception {
    byte[] count = resource("count-1.bin");
    byte[] movement = resource("movement-1.bin");
    byte[] entry = resource("events-1.bin");

    assertThat(EVENTS_SERIALIZER.fromBinary(count, "count-1")).isEqualTo(EVENTS.get(0));
    assertThat(EVENTS_SERIALIZER.fromBinary(movement, "movement-1")).isEqualTo(EVENTS.get(1));
    assertThat(EVENTS_SERIALIZER.fromBinary(entry, "events-1"))
        .isEqualTo(new EventsRecorded(EVENTS));

    // the write path without the new fields is what it was
    assertThat(EVENTS_SERIALIZER.manifest(EVENTS.get(0))).isEqualTo("count-1");
    assertThat(EVENTS_SERIALIZER.toBinary(EVENTS.get(0))).isEqualTo(count);
    assertThat(EVENTS_SERIALIZER.manifest(EVENTS.get(1))).isEqualTo("movement-1");
    assertThat(EVENTS_SERIALIZER.toBinary(EVENTS.get(1))).isEqualTo(movement);
    assertThat(EVENTS_SERIALIZER.manifest(new EventsRecorded(EVENTS))).isEqualTo("events-1");
    assertThat(EVENTS_SERIALIZER.toBinary(new EventsRecorded(EVENTS))).isEqualTo(entry);
  }

  @Test
  void aLocation3SnapshotAndARecordRowWrittenBeforeRestoreTheSameRecords() throws Exception {
    LocationState written = location();
    var victims = written.victims(3, Set.of());
    assertThat(victims.get(0).sku()).isEqualTo("SKU-0");
    InventoryState sku0 = victims.get(0).record();
    written.evict(victims);

    var read =
        LocationState.SNAPSHOTS.fromJournal(
            SNAPSHOTS.fromBinary(resource("location-3.bin"), "location-3"));
    assertThat(read.bySku().keySet()).isEqualTo(written.bySku().keySet());
    for (String sku : List.copyOf(written.bySku().keySet())) {
      assertSameRecord(read.sku(sku), written.sku(sku), sku);
    }
    for (var victim : victims) {
      assertThat(read.mustLoad(victim.sku())).as(victim.sku() + " is in the record store").isTrue();
    }

    InventoryState row = LocationSnapshotSerializer.readRecord(resource("record-3.bin"));
    assertSameRecord(row, sku0, "SKU-0");
  }

  private static void assertSameRecord(InventoryState read, InventoryState written, String sku) {
    var key = new InventoryKey("S001", sku);
    assertThat(read.view(key, SETTINGS)).isEqualTo(written.view(key, SETTINGS));
    assertThat(read.seen()).isEqualTo(written.seen());
    assertThat(read.forgottenThrough()).isEqualTo(written.forgottenThrough());
    assertThat(read.movements()).isEqualTo(written.movements());
    assertThat(read.countsBySource()).isEqualTo(written.countsBySource());
    assertThat(read.reservationsBySource()).isEmpty();
  }

  private static final List<Event> NEW_FIELDS =
      List.of(
          new CountRecorded(
              "SKU-1",
              new Stamp("erp", "c-2", OffsetDateTime.parse("2026-03-01T08:00:00+01:00")),
              40,
              6L,
              null),
          EVENTS.get(2),
          new MovementRecorded(
              "SKU-1",
              new Stamp("web", "s-2", OffsetDateTime.parse("2026-03-01T09:00:00Z")),
              MovementKind.SALE,
              2,
              null,
              "online",
              null,
              new SaleDetails(new BigDecimal("59.97"), "loyalty", null, "pickup")));

  @Test
  void reservationsAndSaleDetailsSurviveTheJournal() throws Exception {
    assertThat(NEW_FIELDS)
        .extracting(EVENTS_SERIALIZER::manifest)
        .containsExactly("count-2", "movement-1", "movement-2");
    var entry = new EventsRecorded(NEW_FIELDS);
    assertThat(EVENTS_SERIALIZER.manifest(entry)).isEqualTo("events-2");
    for (Object event : List.of(entry, NEW_FIELDS.get(0), NEW_FIELDS.get(2))) {
      var serializer = PEKKO.get().findSerializerFor(event);
      assertThat(serializer.identifier()).isEqualTo(InventoryEventSerializer.IDENTIFIER);
      Object read =
          PEKKO
              .get()
              .deserialize(
                  PEKKO.get().serialize(event).get(),
                  serializer.identifier(),
                  Serializers.manifestFor(serializer, event))
              .get();
      assertThat(read).isEqualTo(event);
    }

    // an events-2 entry still holds each event as its layout, length and bytes as a single event
    var in = new BinaryIn(EVENTS_SERIALIZER.toBinary(entry));
    assertThat(in.readInt()).isEqualTo(NEW_FIELDS.size());
    List<Integer> layouts = new ArrayList<>();
    for (Event event : NEW_FIELDS) {
      layouts.add(in.readUnsignedByte());
      byte[] single = new byte[in.readInt()];
      in.readFully(single);
      assertThat(single).isEqualTo(EVENTS_SERIALIZER.toBinary(event));
    }
    assertThat(layouts).containsExactly(2, 1, 3);
    assertThat(in.atEnd()).isTrue();
  }

  @Test
  void reservationsSurviveSnapshotsAndTheRecordStore() throws Exception {
    LocationState state = location();
    state.apply(NEW_FIELDS.get(0), SETTINGS);
    state.apply(
        new CountRecorded(
            "SKU-2",
            new Stamp("wms", "c-3", OffsetDateTime.parse("2026-03-02T08:00:00Z")),
            7,
            null,
            3L),
        SETTINGS);
    Object snapshot = LocationState.SNAPSHOTS.toJournal(state);
    assertThat(SNAPSHOTS.manifest(snapshot)).isEqualTo("location-4");
    byte[] bytes = SNAPSHOTS.toBinary(snapshot);

    var read = LocationState.SNAPSHOTS.fromJournal(SNAPSHOTS.fromBinary(bytes, "location-4"));
    for (String sku : List.copyOf(state.bySku().keySet())) {
      var key = new InventoryKey("S001", sku);
      assertThat(read.sku(sku).view(key, SETTINGS)).isEqualTo(state.sku(sku).view(key, SETTINGS));
      assertThat(read.sku(sku).reservationsBySource())
          .isEqualTo(state.sku(sku).reservationsBySource());
    }
    var key = new InventoryKey("S001", "SKU-1");
    assertThat(read.sku("SKU-1").view(key, SETTINGS).reserved()).isEqualTo(6);

    // the size that spaces snapshots counts reservations too (exact for ASCII ids)
    var ascii = new LocationState();
    ascii.apply(NEW_FIELDS.get(0), SETTINGS);
    ascii.apply(NEW_FIELDS.get(2), SETTINGS);
    assertThat(LocationSnapshotSerializer.sizeOf(ascii))
        .isEqualTo(SNAPSHOTS.toBinary(LocationState.SNAPSHOTS.toJournal(ascii)).length);

    InventoryState record = state.sku("SKU-2");
    InventoryState row =
        LocationSnapshotSerializer.readRecord(LocationSnapshotSerializer.recordBytes(record));
    var sku2 = new InventoryKey("S001", "SKU-2");
    assertThat(row.view(sku2, SETTINGS)).isEqualTo(record.view(sku2, SETTINGS));
    assertThat(row.view(sku2, SETTINGS).inTransit()).isEqualTo(3);
  }
}
