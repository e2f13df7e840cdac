package io.shelfstream.bench.catalog;

import io.shelfstream.simulations.wire.JsonLineBuilder;
import io.shelfstream.simulations.wire.WireTime;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A workload's events as each target reads them: Shelfstream's POS NDJSON lines, and the peer's
 * Kafka Connect records (JSON with its schema, for Connect's JsonConverter, keyed by the event id).
 * Not thread-safe: one per thread.
 */
public final class CatalogLines {
  static final OffsetDateTime START = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  private static final String KEY_SCHEMA =
      "{\"type\":\"struct\",\"name\":\"pos_event_key\",\"optional\":false,"
          + "\"fields\":[{\"field\":\"event_id\",\"type\":\"string\",\"optional\":false}]}";
  private static final String VALUE_SCHEMA =
      "{\"type\":\"struct\",\"name\":\"pos_event\",\"optional\":false,\"fields\":["
          + "{\"field\":\"event_id\",\"type\":\"string\",\"optional\":false},"
          + "{\"field\":\"type\",\"type\":\"string\",\"optional\":false},"
          + "{\"field\":\"occurred_at\",\"type\":\"string\",\"optional\":false},"
          + "{\"field\":\"location_id\",\"type\":\"string\",\"optional\":false},"
          + "{\"field\":\"sku\",\"type\":\"string\",\"optional\":false},"
          + "{\"field\":\"qty\",\"type\":\"int32\",\"optional\":false},"
          + "{\"field\":\"reason\",\"type\":\"string\",\"optional\":true}]}";

  private final CatalogWorkload workload;
  private final JsonLineBuilder line = new JsonLineBuilder();
  private final StringBuilder text = new StringBuilder(1024);

  public CatalogLines(CatalogWorkload workload) {
    this.workload = workload;
  }

  public String eventId(int event) {
    return "hc-" + workload.seed() + "-" + event;
  }

  static OffsetDateTime occurredAt(int event) {
    // one event a second: the records' order is the events' order
    return START.plusSeconds(event);
  }

  /** One line of docs/pos-wire-format.md, without its newline. */
  public String posLine(int event) {
    CatalogWorkload.Kind kind = workload.kind(event);
    line.begin()
        .string("type", kind.wireType)
        .string("eventId", eventId(event))
        .time("occurredAt", occurredAt(event))
        .string("locationId", workload.locationId(event))
        .string("sku", workload.skuId(event))
        .number("qty", workload.quantity(event));
    if (kind == CatalogWorkload.Kind.VOID) {
      line.string("reason", "void");
    }
    return line.endAsString();
  }

  public byte[] peerKey(int event) {
    return ("{\"schema\":" + KEY_SCHEMA + ",\"payload\":{\"event_id\":\"" + eventId(event) + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  public byte[] peerValue(int event) {
    CatalogWorkload.Kind kind = workload.kind(event);
    text.setLength(0);
    text.append("{\"schema\":").append(VALUE_SCHEMA).append(",\"payload\":{\"event_id\":\"");
    text.append(eventId(event)).append("\",\"type\":\"").append(kind.wireType);
    text.append("\",\"occurred_at\":\"");
    WireTime.append(text, occurredAt(event));
    text.append("\",\"location_id\":\"").append(workload.locationId(event));
    text.append("\",\"sku\":\"").append(workload.skuId(event));
    text.append("\",\"qty\":").append(workload.quantity(event));
    text.append(",\"reason\":")
        .append(kind == CatalogWorkload.Kind.VOID ? "\"void\"" : "null")
        .append("}}");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Lines [from, to) as one NDJSON body. */
  public byte[] posBody(int from, int to) {
    StringBuilder body = new StringBuilder((to - from) * 160);
    for (int event = from; event < to; event++) {
      body.append(posLine(event)).append('\n');
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}
