package io.shelfstream.protocols.pos;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.SaleDetails;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.event.StoreField;
import io.shelfstream.protocols.event.StoreUpdate;
import io.shelfstream.protocols.pos.ParseResult.Parsed;
import io.shelfstream.protocols.pos.ParseResult.Rejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decodes one line of the POS NDJSON wire format (docs/pos-wire-format.md). Never throws on bad
 * input: a line yields an event, or every problem found in it, each naming its field. Thread-safe.
 */
public final class PosLineParser {
  public static final String DEFAULT_SOURCE = "pos";
  static final int MAX_EVENT_ID_LENGTH = 128;
  static final int MAX_SOURCE_LENGTH = 64;
  static final int MAX_TEXT_LENGTH = 512;

  /** Short labels: a sale's channel, segment, promotion and fulfilment. */
  static final int MAX_LABEL_LENGTH = 64;

  /** Trailing tokens are for {@link #parse(byte[], String)} to find, after the line's value. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          // LineValues checks a line's fields itself, and has Jackson check nested objects
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private final String defaultSource;
  private final SourceNames sourceNames = new SourceNames();

  public PosLineParser() {
    this(DEFAULT_SOURCE);
  }

  /** A parser for a sender whose lines default to {@code defaultSource} when they name none. */
  public PosLineParser(String defaultSource) {
    this.defaultSource = defaultSource;
  }

  public ParseResult parse(String line) {
    return parse(line.getBytes(StandardCharsets.UTF_8));
  }

  public ParseResult parse(byte[] line) {
    return parse(line, null);
  }

  /**
   * Parses a record whose source has its own idempotency key: {@code fallbackEventId} stands in for
   * an absent {@code eventId} (for Kafka, {@code kafka:<topic>:<partition>:<offset>}).
   */
  public ParseResult parse(byte[] line, String fallbackEventId) {
    LineValues values;
    try (JsonParser json = MAPPER.createParser(line)) {
      JsonToken first = json.nextToken();
      if (first == null) {
        return Rejected.of("line", "is empty");
      }
      if (first == JsonToken.START_OBJECT) {
        values = LineValues.read(json);
      } else {
        values = null;
        LineValues.checkDuplicatesWithin(json, first);
        json.skipChildren(); // to the end of an array, so that only what follows counts as trailing
      }
      JsonToken trailing = json.nextToken();
      if (trailing != null) {
        return Rejected.of("line", "not valid JSON (" + trailingTokenMessage(trailing) + ")");
      }
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      return message != null && message.contains("Invalid UTF-8")
          ? Rejected.of("line", "not valid UTF-8")
          : Rejected.of("line", "not valid JSON (" + firstLine(message) + ")");
    } catch (IOException e) {
      return Rejected.of("line", "unreadable (" + e.getMessage() + ")");
    }
    if (values == null) {
      return Rejected.of("line", "must be a JSON object");
    }
    return decode(new LineFields(values), fallbackEventId);
  }

  /**
   * Parses a line given as a JSON object (a mapped record), decided as its text (non-ASCII escaped)
   * would be. Its tokens are read, which spares writing the text out to read it back; only an
   * object whose text would read back otherwise goes through its text.
   */
  public ParseResult parse(ObjectNode line) {
    if (!ObjectLines.readsBackAsItIs(line)) {
      try {
        return parse(ObjectLines.text(line));
      } catch (JsonProcessingException e) {
        return Rejected.of("line", "cannot be written as JSON");
      }
    }
    LineValues values;
    try (JsonParser json = MAPPER.treeAsTokens(line)) {
      json.nextToken(); // START_OBJECT
      values = LineValues.read(json);
    } catch (IOException e) {
      return Rejected.of("line", "unreadable (" + e.getMessage() + ")");
    }
    return decode(new LineFields(values), null);
  }

  /**
   * Jackson's text for it from when lines were read as trees, kept so that rejections read the
   * same.
   */
  private static String trailingTokenMessage(JsonToken trailing) {
    return "Trailing token (of type "
        + trailing
        + ") found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as"
        + " per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`";
  }

  private ParseResult decode(LineFields fields, String fallbackEventId) {
    String eventId =
        fallbackEventId != null && !fields.has("eventId")
            ? fallbackEventId
            : fields.requiredName("eventId", MAX_EVENT_ID_LENGTH);
    String source =
        fields.has("source")
            ? sourceNames.canonical(fields.optionalName("source", MAX_SOURCE_LENGTH))
            : defaultSource;
    OffsetDateTime occurredAt = fields.requiredTimestamp("occurredAt");
    String type = fields.requiredText("type", 32);

    var header = new Header(eventId, source, occurredAt);
    RetailEvent event = type == null ? null : decodeBody(type, header, fields);
    if (!fields.errors().isEmpty() || event == null) {
      return new Rejected(eventId, source, fields.errors());
    }
    return new Parsed(event);
  }

  private record Header(String eventId, String source, OffsetDateTime occurredAt) {}

  private RetailEvent decodeBody(String type, Header header, LineFields fields) {
    return switch (type) {
      case "count" -> count(header, fields);
      case "sale" -> movement(MovementKind.SALE, header, fields);
      case "return" -> movement(MovementKind.RETURN, header, fields);
      case "receipt" -> movement(MovementKind.RECEIPT, header, fields);
      case "adjustment" -> movement(MovementKind.ADJUSTMENT, header, fields);
      case "store" -> store(header, fields);
      case "demand" -> DemandLine.decode(header.eventId, header.source, header.occurredAt, fields);
      default -> {
        fields.error(
            "type",
            "must be one of count, sale, return, receipt, adjustment, store, demand, got \""
                + type
                + "\"");
        yield null;
      }
    };
  }

  private static InventoryKey key(LineFields fields) {
    String locationId = fields.requiredId("locationId");
    String sku = fields.requiredId("sku");
    return locationId == null || sku == null ? null : new InventoryKey(locationId, sku);
  }

  private static StockCount count(Header header, LineFields fields) {
    InventoryKey key = key(fields);
    Long onHand = fields.requiredInteger("onHand", n -> n >= 0, "an integer >= 0");
    Long reserved = fields.optionalInteger("reserved", n -> n >= 0, "an integer >= 0");
    Long inTransit = fields.optionalInteger("inTransit", n -> n >= 0, "an integer >= 0");
    if (!fields.errors().isEmpty()) {
      return null;
    }
    return new StockCount(
        header.eventId, header.source, header.occurredAt, key, onHand, reserved, inTransit);
  }

  private static StockMovement movement(MovementKind kind, Header header, LineFields fields) {
    InventoryKey key = key(fields);
    Long qty =
        kind == MovementKind.ADJUSTMENT
            ? fields.requiredInteger("qty", n -> n != 0, "a signed integer other than 0")
            : fields.requiredInteger("qty", n -> n > 0, "an integer greater than 0");
    var unitPrice =
        kind == MovementKind.SALE ? fields.optionalNonNegativeNumber("unitPrice") : null;
    String channel =
        kind == MovementKind.SALE ? fields.optionalText("channel", MAX_LABEL_LENGTH) : null;
    String reason = kind == MovementKind.ADJUSTMENT ? fields.requiredText("reason", 64) : null;
    SaleDetails sale = kind == MovementKind.SALE ? saleDetails(fields) : null;
    if (!fields.errors().isEmpty()) {
      return null;
    }
    return new StockMovement(
        header.eventId,
        header.source,
        header.occurredAt,
        key,
        kind,
        qty,
        unitPrice,
        channel,
        reason,
        sale);
  }

  private static SaleDetails saleDetails(LineFields fields) {
    return SaleDetails.of(
        fields.optionalNumber("revenue", n -> n.signum() > 0, "a number > 0"),
        fields.optionalText("customerSegment", MAX_LABEL_LENGTH),
        fields.optionalText("promotionCode", MAX_LABEL_LENGTH),
        fields.optionalText("fulfillment", MAX_LABEL_LENGTH));
  }

  private static StoreUpdate store(Header header, LineFields fields) {
    String storeId = fields.requiredId("storeId");
    Map<StoreField, String> values = new EnumMap<>(StoreField.class);
    for (StoreField field : StoreField.values()) {
      String value = fields.optionalText(field.wireName(), MAX_TEXT_LENGTH);
      if (value != null && field == StoreField.TIMEZONE && !isZone(value)) {
        fields.error("timezone", "must be an IANA time zone or an offset, got \"" + value + "\"");
      } else if (value != null) {
        values.put(field, value);
      }
    }
    boolean anyGiven = false;
    for (StoreField field : StoreField.values()) {
      anyGiven |= fields.has(field.wireName());
    }
    if (!anyGiven) {
      fields.error("line", "a store event needs at least one of name, address, timezone, status");
    }
    if (!fields.errors().isEmpty()) {
      return null;
    }
    return new StoreUpdate(header.eventId, header.source, header.occurredAt, storeId, values);
  }

  private static boolean isZone(String value) {
    try {
      ZoneId.of(value);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Jackson's message without its location details, which name no field a sender can fix. */
  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String text = message;
    for (String detail : new String[] {"\n", " (start marker at"}) {
      int end = text.indexOf(detail);
      text = end < 0 ? text : text.substring(0, end);
    }
    return text;
  }
}
