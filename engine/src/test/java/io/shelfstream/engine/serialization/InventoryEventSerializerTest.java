package io.shelfstream.engine.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.engine.inventory.LocationInventory;
import io.shelfstream.engine.inventory.LocationInventory.CountRecorded;
import io.shelfstream.engine.inventory.LocationInventory.MovementRecorded;
import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.protocols.event.MovementKind;
import java.io.NotSerializableException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InventoryEventSerializerTest {
  private static ActorTestKit testKit;
  private static Serialization serialization;

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

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create();
    serialization = SerializationExtension.get(testKit.system());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void inventoryEventsAreJournaledWithTheCompactSerializerAndReadBackEqual() {
    for (LocationInventory.Event event : EVENTS) {
      Serializer serializer = serialization.findSerializerFor(event);
      assertThat(serializer.identifier()).isEqualTo(InventoryEventSerializer.IDENTIFIER);
      byte[] bytes = serialization.serialize(event).get();
      Object read =
          serialization
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
    Serializer cbor = serialization.serializerFor(CborSerializable.class);
    assertThat(cbor.identifier()).isNotEqualTo(InventoryEventSerializer.IDENTIFIER);
    for (LocationInventory.Event event : EVENTS) {
      byte[] bytes = cbor.toBinary(event);
      Object read =
          serialization
              .deserialize(bytes, cbor.identifier(), Serializers.manifestFor(cbor, event))
              .get();
      assertThat(read).isEqualTo(event);
    }
  }

  @Test
  void anUnknownManifestIsAClearError() {
    var serializer = new InventoryEventSerializer();
    assertThatThrownBy(() -> serializer.fromBinary(new byte[0], "count-9"))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("count-9");
  }
}
