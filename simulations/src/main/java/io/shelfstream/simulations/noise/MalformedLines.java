package io.shelfstream.simulations.noise;

import io.shelfstream.simulations.event.SimEvent;
import io.shelfstream.simulations.event.SimEvent.StockEvent;
import io.shelfstream.simulations.event.SimEvent.StoreUpdate;
import io.shelfstream.simulations.wire.JsonLineBuilder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds one broken line of each {@link MalformedKind}, with realistic ids and times taken from the
 * event it is sent next to. Every line breaks exactly the rule its kind names and is otherwise a
 * plausible line, so that a node that skips that one rule would accept it. Not thread-safe.
 */
final class MalformedLines {

  private static final int MAX_LINE_BYTES = 65_536;
  private static final DateTimeFormatter WITHOUT_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter NOT_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final List<String> SALE_FIELDS =
      List.of("type", "eventId", "occurredAt", "locationId", "sku", "qty");

  private final JsonLineBuilder json = new JsonLineBuilder();
  private String location = "S001";
  private String sku = "3760040000008";
  private String storeId = "S001";

  byte[] build(MalformedKind kind, SimEvent basis, String id) {
    remember(basis);
    OffsetDateTime at = basis.occurredAt();
    return switch (kind) {
      case NOT_JSON -> {
        String line = sale(id, at).number("qty", 1).endAsString();
        yield utf8(line.substring(0, line.length() / 2));
      }
      case NOT_AN_OBJECT -> utf8("[" + sale(id, at).number("qty", 1).endAsString() + "]");
      case TRAILING_GARBAGE -> utf8(sale(id, at).number("qty", 1).endAsString() + " {\"qty\":2}");
      case INVALID_UTF8 -> invalidUtf8(sale(id, at).number("qty", 1).string("channel", "@@").end());
      case LINE_TOO_LONG ->
          sale(id, at).number("qty", 1).string("note", "x".repeat(MAX_LINE_BYTES + 100)).end();
      case MISSING_TYPE -> saleWith(id, at, "type", null);
      case TYPE_NOT_A_STRING -> saleWith(id, at, "type", "1");
      case UNKNOWN_TYPE -> stock("transfer", id, at).number("qty", 3).end();
      case MISSING_EVENT_ID -> saleWith(id, at, "eventId", null);
      case EMPTY_EVENT_ID -> sale("", at).number("qty", 1).end();
      case EVENT_ID_TOO_LONG -> sale(id + "-" + "9".repeat(129), at).number("qty", 1).end();
      case EVENT_ID_NOT_A_STRING -> saleWith(id, at, "eventId", "4711");
      case MISSING_OCCURRED_AT -> saleWith(id, at, "occurredAt", null);
      case OCCURRED_AT_WITHOUT_OFFSET ->
          saleWith(id, at, "occurredAt", "\"" + WITHOUT_OFFSET.format(at) + "\"");
      case OCCURRED_AT_NOT_ISO -> saleWith(id, at, "occurredAt", "\"" + NOT_ISO.format(at) + "\"");
      case IMPOSSIBLE_DATE ->
          saleWith(id, at, "occurredAt", "\"" + at.getYear() + "-02-30T10:00:00+01:00\"");
      case EMPTY_SOURCE -> sale(id, at).string("source", "").number("qty", 1).end();
      case SOURCE_TOO_LONG -> sale(id, at).string("source", "s".repeat(65)).number("qty", 1).end();
      case MISSING_LOCATION_ID -> saleWith(id, at, "locationId", null);
      case ID_NOT_A_STRING -> saleWith(id, at, "locationId", "17");
      case NULL_SKU -> saleWith(id, at, "sku", "null");
      case ID_TOO_LONG -> stock("sale", id, at, "L".repeat(129), sku).number("qty", 1).end();
      case CONTROL_CHAR_IN_ID ->
          stock("sale", id, at, location + "\u0007", sku).number("qty", 1).end();
      case PIPE_IN_ID -> stock("sale", id, at, location, sku + "|1").number("qty", 1).end();
      case MISSING_QTY -> stock("receipt", id, at).end();
      case ZERO_QTY -> sale(id, at).number("qty", 0).end();
      case NEGATIVE_QTY -> stock("return", id, at).number("qty", -2).end();
      case QTY_AS_STRING -> stock("receipt", id, at).rawValue("qty", "\"5\"").end();
      case FRACTIONAL_QTY -> sale(id, at).rawValue("qty", "5.5").end();
      case QTY_WITH_DECIMAL_POINT -> sale(id, at).rawValue("qty", "5.0").end();
      case QTY_TOO_LARGE -> stock("receipt", id, at).number("qty", 1_000_000_001L).end();
      case ZERO_ADJUSTMENT ->
          stock("adjustment", id, at).number("qty", 0).string("reason", "correction").end();
      case ADJUSTMENT_WITHOUT_REASON -> stock("adjustment", id, at).number("qty", -1).end();
      case NEGATIVE_UNIT_PRICE ->
          sale(id, at).number("qty", 1).rawValue("unitPrice", "-1.50").end();
      case MISSING_ON_HAND -> stock("count", id, at).end();
      case NEGATIVE_ON_HAND -> stock("count", id, at).number("onHand", -1).end();
      case MISSING_STORE_ID -> store(id, at, false).string("name", "Shelf Nowhere").end();
      case STORE_WITHOUT_FIELDS -> store(id, at, true).end();
      case UNKNOWN_TIMEZONE -> store(id, at, true).string("timezone", "Mars/Olympus_Mons").end();
    };
  }

  private void remember(SimEvent basis) {
    if (basis instanceof StockEvent stock) {
      location = stock.key().locationId();
      sku = stock.key().sku();
    } else if (basis instanceof StoreUpdate update) {
      storeId = update.storeId();
    }
  }

  private JsonLineBuilder sale(String id, OffsetDateTime at) {
    return stock("sale", id, at);
  }

  private JsonLineBuilder stock(String type, String id, OffsetDateTime at) {
    return stock(type, id, at, location, sku);
  }

  private JsonLineBuilder stock(
      String type, String id, OffsetDateTime at, String locationId, String skuValue) {
    return json.begin()
        .string("type", type)
        .string("eventId", id)
        .time("occurredAt", at)
        .string("locationId", locationId)
        .string("sku", skuValue);
  }

  /** A sale of one with {@code field} written as the JSON {@code raw}, or left out when null. */
  private byte[] saleWith(String id, OffsetDateTime at, String field, String raw) {
    json.begin();
    for (String name : SALE_FIELDS) {
      if (name.equals(field)) {
        if (raw != null) {
          json.rawValue(name, raw);
        }
        continue;
      }
      switch (name) {
        case "type" -> json.string(name, "sale");
        case "eventId" -> json.string(name, id);
        case "occurredAt" -> json.time(name, at);
        case "locationId" -> json.string(name, location);
        case "sku" -> json.string(name, sku);
        default -> json.number(name, 1);
      }
    }
    return json.end();
  }

  private JsonLineBuilder store(String id, OffsetDateTime at, boolean withStoreId) {
    json.begin()
        .string("type", "store")
        .string("eventId", id)
        .time("occurredAt", at)
        .string("source", "erp");
    return withStoreId ? json.string("storeId", storeId) : json;
  }

  /**
   * Replaces the marker "@@" by 0xC3 0x28: a lead byte followed by a byte that cannot continue it.
   */
  private static byte[] invalidUtf8(byte[] line) {
    for (int i = 0; i + 1 < line.length; i++) {
      if (line[i] == '@' && line[i + 1] == '@') {
        line[i] = (byte) 0xC3;
        line[i + 1] = (byte) 0x28;
        return line;
      }
    }
    throw new IllegalStateException("marker missing from the line to break");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
