package io.shelfstream.engine.inventory;

import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.policy.Versioned;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.InventoryKey;
import java.time.OffsetDateTime;

/**
 * The golden record of one SKU at one location, as served (docs/golden-record.md). {@code reserved}
 * and {@code inTransit} are those of the count the record stands on, null when it gave none; {@code
 * available} is {@code onHand - reserved}, null when {@code reserved} is.
 */
public record InventoryView(
    String locationId,
    String sku,
    long onHand,
    Long reserved,
    Long available,
    Long inTransit,
    boolean negative,
    OffsetDateTime lastCountAt,
    long version,
    Provenance provenance)
    implements CborSerializable {

  /** The count the record stands on, how many movements apply on top, and the newest of them. */
  public record Provenance(CountProvenance count, int movementsApplied, Stamp lastMovement) {}

  /** The count as it was sent: its reservations are null when it gave none. */
  public record CountProvenance(
      String source,
      String eventId,
      OffsetDateTime occurredAt,
      long onHand,
      Long reserved,
      Long inTransit) {}

  static InventoryView of(
      InventoryKey key,
      long onHand,
      Versioned<Long> baseline,
      Reservations reservations,
      int movementsApplied,
      Stamp lastMovement,
      long version) {
    Long reserved = reservations == null ? null : reservations.reserved();
    Long inTransit = reservations == null ? null : reservations.inTransit();
    CountProvenance count =
        baseline == null
            ? null
            : new CountProvenance(
                baseline.stamp().source(),
                baseline.stamp().eventId(),
                baseline.stamp().occurredAt(),
                baseline.value(),
                reserved,
                inTransit);
    return new InventoryView(
        key.locationId(),
        key.sku(),
        onHand,
        reserved,
        reserved == null ? null : onHand - reserved,
        inTransit,
        onHand < 0,
        baseline == null ? null : baseline.stamp().occurredAt(),
        version,
        new Provenance(count, movementsApplied, lastMovement));
  }
}
