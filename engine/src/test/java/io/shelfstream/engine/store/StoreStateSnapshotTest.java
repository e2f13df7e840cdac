package io.shelfstream.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.TestSettings;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.store.Store.StoreUpdated;
import io.shelfstream.engine.testkit.PekkoSerialization;
import io.shelfstream.protocols.event.StoreField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store's snapshots: those written before the state became mutable still read, and copies. */
class StoreStateSnapshotTest {
  private static final GoldenRecordSettings SETTINGS =
      TestSettings.sourcePriority(Duration.ofDays(30));
  private static final StoreUpdated ERP = StoreUpdates.ERP;
  private static final StoreUpdated POS = StoreUpdates.POS;

  @RegisterExtension static final PekkoSerialization PEKKO = new PekkoSerialization();

  /**
   * The fixture is jackson-cbor's bytes of the immutable record {@code StoreState} of commit
   * 67de908 after ERP then POS, written by that commit's serializer (id 33, manifest the class
   * name), which is what a store's snapshot table holds from before.
   */
  @Test
  void aSnapshotOfTheRecordItWasReadsAsTheSameStore() throws IOException {
    byte[] recordBytes = fixture("/snapshots/store-state-record.cbor.base64");
    var restored =
        (StoreState) PEKKO.get().deserialize(recordBytes, 33, StoreState.class.getName()).get();

    assertThat(restored.view("S001", SETTINGS))
        .isEqualTo(
            new StoreState().apply(ERP, SETTINGS).apply(POS, SETTINGS).view("S001", SETTINGS));
    assertThat(restored.hasSeen("erp", "m1")).isTrue();
    assertThat(restored.hasSeen("pos", "m2")).isTrue();
    assertThat(restored.hasSeen("pos", "m1")).isFalse();

    var later =
        StoreUpdates.update(
            "erp", "m3", "2026-01-06T00:00:00Z", Map.of(StoreField.STATUS, "closed"));
    StoreView after = restored.apply(later, SETTINGS).view("S001", SETTINGS);
    assertThat(after.status()).as("erp outranks pos").isEqualTo("closed");
    assertThat(after.version()).isEqualTo(3);
  }

  @Test
  void aSnapshotIsACopyThatLaterUpdatesDoNotChange() {
    StoreState live = new StoreState().apply(ERP, SETTINGS);
    var snapshot = (StoreState) StoreState.SNAPSHOTS.toJournal(live);
    byte[] bytes = PEKKO.get().serialize(snapshot).get();

    live.apply(POS, SETTINGS);

    var restored =
        (StoreState)
            PEKKO
                .get()
                .deserialize(
                    bytes,
                    PEKKO.get().findSerializerFor(snapshot).identifier(),
                    StoreState.class.getName())
                .get();
    assertThat(snapshot.version()).isEqualTo(1);
    assertThat(snapshot.hasSeen("pos", "m2")).isFalse();
    assertThat(restored.view("S001", SETTINGS))
        .isEqualTo(new StoreState().apply(ERP, SETTINGS).view("S001", SETTINGS));
    assertThat(restored.hasSeen("erp", "m1")).isTrue();
    assertThat(live.view("S001", SETTINGS).status()).isEqualTo("open");
  }

  private static byte[] fixture(String resource) throws IOException {
    try (InputStream in = StoreStateSnapshotTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
      return Base64.getDecoder().decode(text);
    }
  }
}
