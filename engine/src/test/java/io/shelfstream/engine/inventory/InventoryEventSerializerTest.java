package io.shelfstream.engine.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.EventsRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.serialization.BinaryIn;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.engine.testkit.PekkoSerialization;
import io.shelfstream.protocols.event.MovementKind;
import java.io.EOFException;
import java.io.NotSerializableException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InventoryEventSerializerTest {
  @RegisterExtension static final PekkoSerialization PEKKO = new PekkoSerialization();

  private static final List<LocationInventory.Event> EVENTS =
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

  @Test
  void inventoryEventsAreJournaledWithTheCompactSerializerAndReadBackEqual() {
    for (LocationInventory.Event event : EVENTS) {
      Serializer serializer = PEKKO.get().findSerializerFor(event);
      assertThat(serializer.identifier()).isEqualTo(InventoryEventSerializer.IDENTIFIER);
      byte[] bytes = PEKKO.get().serialize(event).get();
      Object read =
          PEKKO
              .get()
              .deserialize(
                  bytes, serializer.identifier(), Serializers.manifestFor(serializer, event))
              .get();
      assertThat(read).isEqualTo(event);
      assertThat(((LocationInventory.Event) read).stamp().occurredAt().getOffset())
          .isEqualTo(event.stamp().occurredAt().getOffset());
    }
  }

  @Test
  void rowsWrittenByJacksonCborBeforeStayReadable() throws Exception {
    Serializer cbor = PEKKO.get().serializerFor(CborSerializable.class);
    assertThat(cbor.identifier()).isNotEqualTo(InventoryEventSerializer.IDENTIFIER);
    for (LocationInventory.Event event : EVENTS) {
      byte[] bytes = cbor.toBinary(event);
      Object read =
          PEKKO
              .get()
              .deserialize(bytes, cbor.identifier(), Serializers.manifestFor(cbor, event))
              .get();
      assertThat(read).isEqualTo(event);
    }
  }

  @Test
  void theEventsOfACommandAreOneEntryThatReadsBackAsTheSameEventsInTheSameOrder() {
    var recorded = new EventsRecorded(EVENTS);
    Serializer serializer = PEKKO.get().findSerializerFor(recorded);
    assertThat(serializer.identifier()).isEqualTo(InventoryEventSerializer.IDENTIFIER);
    byte[] bytes = PEKKO.get().serialize(recorded).get();
    Object read =
        PEKKO
            .get()
            .deserialize(
                bytes, serializer.identifier(), Serializers.manifestFor(serializer, recorded))
            .get();
    assertThat(read).isEqualTo(recorded);
    assertThat(((EventsRecorded) read).events()).containsExactlyElementsOf(EVENTS);
  }

  @Test
  void anEntryHoldsEachEventAsItsKindItsLengthAndItsBytesAsASingleEvent() throws Exception {
    // what the benchmark's COPY baseline relies on to load one row per event
    var serializer = new InventoryEventSerializer();
    var in = new BinaryIn(serializer.toBinary(new EventsRecorded(EVENTS)));
    assertThat(in.readInt()).isEqualTo(EVENTS.size());
    for (LocationInventory.Event event : EVENTS) {
      assertThat(in.readBoolean()).isEqualTo(event instanceof MovementRecorded);
      byte[] single = new byte[in.readInt()];
      in.readFully(single);
      assertThat(single).isEqualTo(serializer.toBinary(event));
      assertThat(serializer.manifest(event))
          .isEqualTo(event instanceof MovementRecorded ? "movement-1" : "count-1");
    }
    assertThatThrownBy(in::readBoolean)
        .as("nothing after the last event")
        .isInstanceOf(EOFException.class);
  }

  @Test
  void aTruncatedEntryIsAClearErrorNotAShortList() {
    var serializer = new InventoryEventSerializer();
    byte[] bytes = serializer.toBinary(new EventsRecorded(EVENTS));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 5);
    String manifest = serializer.manifest(new EventsRecorded(EVENTS));
    assertThatThrownBy(() -> serializer.fromBinary(truncated, manifest))
        .hasMessageContaining("unreadable inventory event (" + manifest + ")");
  }

  @Test
  void anUnknownManifestIsAClearError() {
    var serializer = new InventoryEventSerializer();
    assertThatThrownBy(() -> serializer.fromBinary(new byte[0], "count-9"))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("count-9");
  }
}
