package io.shelfstream.protocols.pos;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.protocols.event.Identifiers;
import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.event.StoreField;
import io.shelfstream.protocols.event.StoreUpdate;
import io.shelfstream.protocols.event.TextRules;
import io.shelfstream.protocols.pos.ParseResult.Parsed;
import io.shelfstream.protocols.pos.ParseResult.Rejected;
import io.shelfstream.protocols.time.EventTimes;
import io.shelfstream.protocols.time.IsoTimestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The tree-based PosLineParser (with its LineFields, here Fields) as it was before parsing became
 * streaming, kept as the oracle that PosLineParserProperties compares the streaming parser with;
 * changed since only by the two number checks fixed in both (1e400, Long.MIN_VALUE). Its decoding
 * half is a copy of PosLineParser's on purpose: a deliberate change to the wire format's rules is
 * made in both, or retires this oracle.
 */
final class TreePosLineParser {
  public static final String DEFAULT_SOURCE = "pos";
  static final int MAX_EVENT_ID_LENGTH = 128;
  static final int MAX_SOURCE_LENGTH = 64;
  static final int MAX_TEXT_LENGTH = 512;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private final String defaultSource;
  private final SourceNames sourceNames = new SourceNames();

  TreePosLineParser() {
    this(DEFAULT_SOURCE);
  }

  /** A parser for a sender whose lines default to {@code defaultSource} when they name none. */
  TreePosLineParser(String defaultSource) {
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
    JsonNode tree;
    try {
      tree = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      return message != null && message.contains("Invalid UTF-8")
          ? Rejected.of("line", "not valid UTF-8")
          : Rejected.of("line", "not valid JSON (" + firstLine(message) + ")");
    } catch (IOException e) {
      return Rejected.of("line", "unreadable (" + e.getMessage() + ")");
    }
    if (tree == null || tree.isMissingNode()) {
      return Rejected.of("line", "is empty");
    }
    if (!(tree instanceof ObjectNode object)) {
      return Rejected.of("line", "must be a JSON object");
    }
    return decode(new Fields(object), fallbackEventId);
  }

  private ParseResult decode(Fields fields, String fallbackEventId) {
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

  private RetailEvent decodeBody(String type, Header header, Fields fields) {
    return switch (type) {
      case "count" -> count(header, fields);
      case "sale" -> movement(MovementKind.SALE, header, fields);
      case "return" -> movement(MovementKind.RETURN, header, fields);
      case "receipt" -> movement(MovementKind.RECEIPT, header, fields);
      case "adjustment" -> movement(MovementKind.ADJUSTMENT, header, fields);
      case "store" -> store(header, fields);
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

  private static InventoryKey key(Fields fields) {
    String locationId = fields.requiredId("locationId");
    String sku = fields.requiredId("sku");
    return locationId == null || sku == null ? null : new InventoryKey(locationId, sku);
  }

  private static StockCount count(Header header, Fields fields) {
    InventoryKey key = key(fields);
    Long onHand = fields.requiredInteger("onHand", n -> n >= 0, "an integer >= 0");
    if (!fields.errors().isEmpty()) {
      return null;
    }
    return new StockCount(header.eventId, header.source, header.occurredAt, key, onHand);
  }

  private static StockMovement movement(MovementKind kind, Header header, Fields fields) {
    InventoryKey key = key(fields);
    Long qty =
        kind == MovementKind.ADJUSTMENT
            ? fields.requiredInteger("qty", n -> n != 0, "a signed integer other than 0")
            : fields.requiredInteger("qty", n -> n > 0, "an integer greater than 0");
    var unitPrice =
        kind == MovementKind.SALE ? fields.optionalNonNegativeNumber("unitPrice") : null;
    String channel = kind == MovementKind.SALE ? fields.optionalText("channel", 64) : null;
    String reason = kind == MovementKind.ADJUSTMENT ? fields.requiredText("reason", 64) : null;
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
        reason);
  }

  private static StoreUpdate store(Header header, Fields fields) {
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

  /**
   * Reads typed fields from one JSON line and collects every problem instead of stopping at the
   * first, so that a sender learns all that is wrong with a line at once. A getter returns null
   * when the field is absent or invalid; check {@link #errors()} before using the values.
   */
  private static final class Fields {
    static final long MAX_QUANTITY = 1_000_000_000L;

    private final ObjectNode line;
    private final List<FieldError> errors = new ArrayList<>();

    Fields(ObjectNode line) {
      this.line = line;
    }

    List<FieldError> errors() {
      return errors;
    }

    boolean has(String field) {
      JsonNode node = line.get(field);
      return node != null && !node.isNull();
    }

    void error(String field, String reason) {
      errors.add(new FieldError(field, reason));
    }

    String requiredText(String field, int maxLength) {
      JsonNode node = line.get(field);
      if (node == null || node.isNull()) {
        error(field, "is required");
        return null;
      }
      return text(field, node, maxLength);
    }

    String optionalText(String field, int maxLength) {
      JsonNode node = line.get(field);
      return node == null || node.isNull() ? null : text(field, node, maxLength);
    }

    // the text rules below were added here as in LineFields (lone surrogates, NUL, names)
    String requiredName(String field, int maxLength) {
      return nameRules(field, requiredText(field, maxLength));
    }

    String optionalName(String field, int maxLength) {
      return nameRules(field, optionalText(field, maxLength));
    }

    private String nameRules(String field, String text) {
      if (text == null) {
        return null;
      }
      var problem = TextRules.nameProblem(text);
      problem.ifPresent(reason -> error(field, reason));
      return problem.isPresent() ? null : text;
    }

    private String text(String field, JsonNode node, int maxLength) {
      if (!node.isTextual()) {
        error(field, "must be a string, got " + describe(node));
        return null;
      }
      String value = node.textValue();
      if (value.isBlank()) {
        error(field, "must not be blank");
        return null;
      }
      if (value.length() > maxLength) {
        error(field, "must be at most " + maxLength + " characters");
        return null;
      }
      var problem = TextRules.problem(value);
      problem.ifPresent(reason -> error(field, reason));
      return problem.isPresent() ? null : value;
    }

    String requiredId(String field) {
      String value = requiredText(field, Integer.MAX_VALUE);
      if (value == null) {
        return null;
      }
      var problem = Identifiers.problem(value);
      problem.ifPresent(reason -> error(field, reason));
      return problem.isPresent() ? null : value;
    }

    /**
     * A whole number within ±{@link #MAX_QUANTITY} that passes {@code rule}, else {@code ruleText}.
     */
    Long requiredInteger(String field, LongPredicate rule, String ruleText) {
      JsonNode node = line.get(field);
      if (node == null || node.isNull()) {
        error(field, "is required");
        return null;
      }
      // fixed here as in LineFields: Math.abs(Long.MIN_VALUE) is negative, and let it through
      if (!node.isIntegralNumber()
          || !node.canConvertToLong()
          || node.longValue() > MAX_QUANTITY
          || node.longValue() < -MAX_QUANTITY) {
        error(field, "must be " + ruleText + ", got " + describe(node));
        return null;
      }
      long value = node.longValue();
      if (!rule.test(value)) {
        error(field, "must be " + ruleText + ", got " + value);
        return null;
      }
      return value;
    }

    BigDecimal optionalNonNegativeNumber(String field) {
      JsonNode node = line.get(field);
      if (node == null || node.isNull()) {
        return null;
      }
      // fixed here as in LineFields: decimalValue() of 1e400 (a double's infinity) threw
      if (!node.isNumber()
          || (node.isDouble() && !Double.isFinite(node.doubleValue()))
          || node.decimalValue().signum() < 0) {
        error(field, "must be a number >= 0, got " + describe(node));
        return null;
      }
      return node.decimalValue();
    }

    OffsetDateTime requiredTimestamp(String field) {
      String text = requiredText(field, 64);
      if (text == null) {
        return null;
      }
      try {
        OffsetDateTime at = IsoTimestamps.parse(text);
        var outOfRange = EventTimes.problem(at); // added here as in LineFields
        outOfRange.ifPresent(reason -> error(field, reason));
        return outOfRange.isPresent() ? null : at;
      } catch (DateTimeParseException e) {
        error(field, "must be an ISO-8601 date-time with offset, got \"" + text + "\"");
        return null;
      }
    }

    private static String describe(JsonNode node) {
      String text = node.toString();
      return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
  }
}
