package io.shelfstream.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.dedupe.DedupeSettings;
import io.shelfstream.engine.dedupe.IdMemory;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.testkit.PekkoSerialization;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import java.io.NotSerializableException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocationSnapshotSerializerTest {
  // a short memory, so that the records have forgotten some ids when the snapshot is taken
  private static final GoldenRecordSettings SETTINGS =
      TestSettings.with(
          TestSettings.lastWriteWins().onHand(), new DedupeSettings(Duration.ofHours(1), 5));
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-01T08:00:00+01:00");

  @RegisterExtension static final PekkoSerialization PEKKO = new PekkoSerialization();

  private static CountRecorded count(String sku, String source, String id, String at, long n) {
    return new CountRecorded(sku, new Stamp(source, id, OffsetDateTime.parse(at)), n);
  }

  private static MovementRecorded move(
      String sku, MovementKind kind, String id, String at, long qty) {
    return new MovementRecorded(
        sku, new Stamp("pos", id, OffsetDateTime.parse(at)), kind, qty, null, null, null);
  }

  private static LocationState location() {
    var state = new LocationState();
    for (int n = 0; n < 40; n++) {
      String sku = "SKU-" + (n % 3 == 0 ? "ü" : Integer.toString(n % 4));
      String at = T0.plusMinutes(7L * n).toString();
      state.apply(
          n % 10 == 0
              ? count(sku, n % 20 == 0 ? "erp" : "wms", "c" + n, at, 100 + n)
              : move(sku, n % 2 == 0 ? MovementKind.SALE : MovementKind.RECEIPT, "m" + n, at, n),
          SETTINGS);
    }
    return state;
  }

  private static void assertSameRecords(LocationState read, LocationState written) {
    assertThat(read.bySku().keySet()).isEqualTo(written.bySku().keySet());
    for (String sku : List.copyOf(written.bySku().keySet())) {
      var key = new InventoryKey("S001", sku);
      assertThat(read.sku(sku).view(key, SETTINGS)).isEqualTo(written.sku(sku).view(key, SETTINGS));
      assertThat(read.sku(sku).seen()).isEqualTo(written.sku(sku).seen());
      // exact in a location-2 snapshot; never earlier in one that did not keep it
      assertThat(read.sku(sku).forgottenThrough())
          .isGreaterThanOrEqualTo(written.sku(sku).forgottenThrough());
      assertThat(read.sku(sku).movements()).isEqualTo(written.sku(sku).movements());
      assertThat(read.sku(sku).countsBySource()).isEqualTo(written.sku(sku).countsBySource());
    }
  }

  @Test
  void snapshotsAreStoredWithTheCompactSerializerAndRestoreTheSameRecords() {
    LocationState state = location();
    Object snapshot = LocationState.SNAPSHOTS.toJournal(state);
    Serializer serializer = PEKKO.get().findSerializerFor(snapshot);
    assertThat(serializer.identifier()).isEqualTo(LocationSnapshotSerializer.IDENTIFIER);

    byte[] bytes = PEKKO.get().serialize(snapshot).get();
    LocationState restored =
        LocationState.SNAPSHOTS.fromJournal(
            PEKKO
                .get()
                .deserialize(
                    bytes, serializer.identifier(), Serializers.manifestFor(serializer, snapshot))
                .get());

    assertSameRecords(restored, state);
    for (String sku : List.copyOf(state.bySku().keySet())) {
      assertThat(restored.sku(sku).forgottenThrough()).isEqualTo(state.sku(sku).forgottenThrough());
    }
    int seen = 0;
    for (String sku : List.copyOf(state.bySku().keySet())) {
      for (int n = 0; n < 40; n++) {
        for (String[] id : new String[][] {{"pos", "m" + n}, {"erp", "c" + n}, {"wms", "c" + n}}) {
          boolean remembered = state.hasSeen(sku, id[0], id[1]);
          assertThat(restored.hasSeen(sku, id[0], id[1])).isEqualTo(remembered);
          seen += remembered ? 1 : 0;
        }
      }
    }
    assertThat(seen).isGreaterThan(0);
  }

  @Test
  void theSizeUsedToSpaceSnapshotsIsTheSizeWrittenForAsciiIds() {
    var state = new LocationState();
    for (int n = 0; n < 60; n++) {
      String sku = "SKU-" + n % 4;
      String at = T0.plusMinutes(5L * n).toString();
      state.apply(
          n % 15 == 0
              ? count(sku, n % 30 == 0 ? "erp" : "wms", "c" + n, at, 100 + n)
              : move(sku, MovementKind.SALE, "m" + n, at, 1),
          SETTINGS);
    }
    Object snapshot = LocationState.SNAPSHOTS.toJournal(state);

    assertThat(LocationSnapshotSerializer.sizeOf(state))
        .isEqualTo(PEKKO.get().serialize(snapshot).get().length);
  }

  @Test
  void aSnapshotIsACopyThatLaterEventsDoNotChange() {
    LocationState state = location();
    Object snapshot = LocationState.SNAPSHOTS.toJournal(state);
    byte[] before = PEKKO.get().serialize(snapshot).get();
    state.apply(move("SKU-1", MovementKind.SALE, "later", T0.plusDays(1).toString(), 1), SETTINGS);
    assertThat(PEKKO.get().serialize(snapshot).get()).isEqualTo(before);
  }

  @Test
  void snapshotsWrittenByJacksonCborBeforeStayReadable() throws Exception {
    // written by the jackson-cbor binding of an earlier version (see snapshots/README.md)
    byte[] bytes;
    try (var in = getClass().getResourceAsStream("/snapshots/location-state-jackson-cbor.bin")) {
      bytes = in.readAllBytes();
    }
    Object read =
        PEKKO.get().deserialize(bytes, 33, "io.shelfstream.engine.inventory.LocationState").get();
    assertSameRecords(LocationState.SNAPSHOTS.fromJournal(read), location());
  }

  @Test
  void aLocation1SnapshotAssumesItsRecordsForgotAsLateAsTheirOldestRememberedId() throws Exception {
    var state = new LocationState();
    for (int n = 0; n < 12; n++) {
      state.apply(
          move("SKU-1", MovementKind.RECEIPT, "m" + n, T0.plusMinutes(20L * n).toString(), 1),
          SETTINGS);
    }
    long forgottenThrough = state.sku("SKU-1").forgottenThrough();
    assertThat(forgottenThrough).isGreaterThan(IdMemory.NOTHING_FORGOTTEN);
    var serializer = new LocationSnapshotSerializer();
    byte[] v2 = serializer.toBinary(LocationState.SNAPSHOTS.toJournal(state));
    // location-1 is location-2 without each record's trailing forgottenThrough
    byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - Long.BYTES);

    var read = LocationState.SNAPSHOTS.fromJournal(serializer.fromBinary(v1, "location-1"));
    var oldest = read.sku("SKU-1").seen().get(0).epochMilli();
    assertThat(read.sku("SKU-1").forgottenThrough())
        .isEqualTo(oldest)
        .isGreaterThanOrEqualTo(forgottenThrough);
    for (int n = 0; n < 12; n++) {
      long at = T0.plusMinutes(20L * n).toInstant().toEpochMilli();
      assertThat(read.recall("SKU-1", "pos", "m" + n, at)).isNotEqualTo(IdMemory.Recall.NEW);
    }
  }

  @Test
  void anUnknownManifestIsAClearError() {
    var serializer = new LocationSnapshotSerializer();
    assertThatThrownBy(() -> serializer.fromBinary(new byte[0], "location-9"))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("location-9");
  }
}
