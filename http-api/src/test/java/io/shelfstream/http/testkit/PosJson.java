package io.shelfstream.http.testkit;

/** POS NDJSON lines for tests. */
public final class PosJson {
  private PosJson() {}

  public static String sale(String id, String location, String sku, int qty) {
    return "{\"type\":\"sale\",\"eventId\":\""
        + id
        + "\",\"occurredAt\":\"2026-03-01T09:00:00Z\","
        + "\"locationId\":\""
        + location
        + "\",\"sku\":\""
        + sku
        + "\",\"qty\":"
        + qty
        + "}";
  }

  public static String count(String id, String location, String sku, int onHand, String at) {
    return "{\"type\":\"count\",\"eventId\":\""
        + id
        + "\",\"occurredAt\":\""
        + at
        + "\","
        + "\"locationId\":\""
        + location
        + "\",\"sku\":\""
        + sku
        + "\",\"onHand\":"
        + onHand
        + "}";
  }
}
