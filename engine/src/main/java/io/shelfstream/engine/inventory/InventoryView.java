package io.shelfstream.engine.inventory;

import io.shelfstream.engine.policy.Stamp;
import io.shelfstream.engine.policy.Versioned;
import io.shelfstream.engine.serialization.CborSerializable;
import io.shelfstream.protocols.event.InventoryKey;
import java.time.OffsetDateTime;

/** The golden record of one SKU at one location, as served (docs/golden-record.md). */
public record InventoryView(
    String locationId,
    String sku,
    long onHand,
    boolean negative,
    OffsetDateTime lastCountAt,
    long version,
    Provenance provenance)
    implements CborSerializable {

  /** The count the record stands on, how many movements apply on top, and the newest of them. */
  public record Provenance(CountProvenance count, int movementsApplied, Stamp lastMovement) {}

  public record CountProvenance(
      String source, String eventId, OffsetDateTime occurredAt, long onHand) {}

  static InventoryView of(
      InventoryKey key,
      long onHand,
      Versioned<Long> baseline,
      int movementsApplied,
      Stamp lastMovement,
      long version) {
    CountProvenance count =
        baseline == null
            ? null
            : new CountProvenance(
                baseline.stamp().source(),
                baseline.stamp().eventId(),
                baseline.stamp().occurredAt(),
                baseline.value());
    return new InventoryView(
        key.locationId(),
        key.sku(),
        onHand,
        onHand < 0,
        baseline == null ? null : baseline.stamp().occurredAt(),
        version,
        new Provenance(count, movementsApplied, lastMovement));
  }
}
