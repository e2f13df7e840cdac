package io.shelfstream.protocols.mapping.spec;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields of the POS wire format (docs/pos-wire-format.md) that a mapping can fill, in the order
 * a mapped event is written, each with the kind of JSON value the POS rules expect.
 */
public enum WireField {
  TYPE("type", Kind.TEXT),
  EVENT_ID("eventId", Kind.TEXT),
  OCCURRED_AT("occurredAt", Kind.TIMESTAMP),
  SOURCE("source", Kind.TEXT),
  LOCATION_ID("locationId", Kind.TEXT),
  SKU("sku", Kind.TEXT),
  QTY("qty", Kind.INTEGER),
  ON_HAND("onHand", Kind.INTEGER),
  RESERVED("reserved", Kind.INTEGER),
  IN_TRANSIT("inTransit", Kind.INTEGER),
  UNIT_PRICE("unitPrice", Kind.DECIMAL),
  CHANNEL("channel", Kind.TEXT),
  REVENUE("revenue", Kind.DECIMAL),
  CUSTOMER_SEGMENT("customerSegment", Kind.TEXT),
  PROMOTION_CODE("promotionCode", Kind.TEXT),
  FULFILLMENT("fulfillment", Kind.TEXT),
  REASON("reason", Kind.TEXT),
  STORE_ID("storeId", Kind.TEXT),
  NAME("name", Kind.TEXT),
  ADDRESS("address", Kind.TEXT),
  STATUS("status", Kind.TEXT),
  TIMEZONE("timezone", Kind.TEXT),
  PRODUCT_ID("productId", Kind.TEXT),
  EXTERNAL_DEMAND("externalDemand", Kind.TEXT),
  MARKET_TREND("marketTrend", Kind.DECIMAL),
  COMPETITOR_PRICE("competitorPrice", Kind.DECIMAL),
  WEATHER_FACTOR("weatherFactor", Kind.DECIMAL),
  EVENT_IMPACT("eventImpact", Kind.DECIMAL),
  SOCIAL_SENTIMENT("socialSentiment", Kind.DECIMAL);

  /** What the POS rules accept in a field, and so what a mapping must produce for it. */
  public enum Kind {
    TEXT(ValueType.STRING),
    INTEGER(ValueType.INTEGER),
    DECIMAL(ValueType.DECIMAL),
    TIMESTAMP(ValueType.TIMESTAMP);

    private final ValueType naturalType;

    Kind(ValueType naturalType) {
      this.naturalType = naturalType;
    }

    /** The type a field of this kind reads its source as when the mapping names none. */
    public ValueType naturalType() {
      return naturalType;
    }
  }

  private final String wireName;
  private final Kind kind;

  WireField(String wireName, Kind kind) {
    this.wireName = wireName;
    this.kind = kind;
  }

  public String wireName() {
    return wireName;
  }

  public Kind kind() {
    return kind;
  }

  public static Optional<WireField> fromWireName(String name) {
    return Arrays.stream(values()).filter(field -> field.wireName.equals(name)).findFirst();
  }

  static String allNames() {
    return Arrays.stream(values()).map(WireField::wireName).collect(Collectors.joining(", "));
  }
}
