package io.shelfstream.simulations.event;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A canonical event of the simulated world, independent of any wire format. Emitters turn it into
 * NDJSON lines (or other formats later); ground truth consumes it directly.
 */
public sealed interface SimEvent permits SimEvent.StockEvent, SimEvent.StoreUpdate {

  String eventId();

  String source();

  OffsetDateTime occurredAt();

  /** The entity the event belongs to: a locationId for stock events, a storeId for store events. */
  String routingKey();

  default EventRef ref() {
    return new EventRef(source(), eventId());
  }

  /** The identity of an event on the wire: two events with the same ref are duplicates. */
  record EventRef(String source, String eventId) {}

  /** An event about the stock of one SKU at one location. */
  sealed interface StockEvent extends SimEvent permits Count, Movement {

    StockKey key();

    @Override
    default String routingKey() {
      return key().locationId();
    }
  }

  /** An absolute stock count: what was physically on hand at {@code occurredAt}. */
  record Count(String eventId, String source, OffsetDateTime occurredAt, StockKey key, long onHand)
      implements StockEvent {}

  /** A relative stock change; {@link #delta()} is its signed effect on onHand. */
  sealed interface Movement extends StockEvent permits Sale, Return, Receipt, Adjustment {

    long qty();

    default long delta() {
      return qty();
    }
  }

  /**
   * A till sale line. {@code till} is not part of the wire contract: it travels as an extra field,
   * which the node must ignore.
   */
  record Sale(
      String eventId,
      String source,
      OffsetDateTime occurredAt,
      StockKey key,
      long qty,
      long unitPriceCents,
      String channel,
      String till)
      implements Movement {

    @Override
    public long delta() {
      return -qty;
    }
  }

  /** A customer return put back on hand. */
  record Return(String eventId, String source, OffsetDateTime occurredAt, StockKey key, long qty)
      implements Movement {}

  /** Goods received at a location from a shipment. */
  record Receipt(String eventId, String source, OffsetDateTime occurredAt, StockKey key, long qty)
      implements Movement {}

  /** A signed stock correction with its reason (shrink, damage, correction, transfer). */
  record Adjustment(
      String eventId,
      String source,
      OffsetDateTime occurredAt,
      StockKey key,
      long qty,
      String reason)
      implements Movement {}

  /** A store master-data event carrying one or more fields. */
  record StoreUpdate(
      String eventId,
      String source,
      OffsetDateTime occurredAt,
      String storeId,
      Map<StoreField, String> fields)
      implements SimEvent {

    public StoreUpdate {
      if (fields.isEmpty()) {
        throw new IllegalArgumentException("a store update carries at least one field");
      }
      // EnumMap keeps the fields in declaration order, so encoding is deterministic
      fields = Collections.unmodifiableMap(new EnumMap<>(fields));
    }

    @Override
    public String routingKey() {
      return storeId;
    }
  }
}
