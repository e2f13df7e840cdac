package io.shelfstream.simulations.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * docs/pos-wire-format.md as executable rules, written from the document alone, for tests: the
 * simulator's valid lines must pass and every malformed line must fail.
 */
public final class WireValidator {

  private static final int MAX_LINE_BYTES = 65_536;
  private static final long MAX_QTY = 1_000_000_000L;
  private static final Set<String> TYPES =
      Set.of("count", "sale", "return", "receipt", "adjustment", "store");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private WireValidator() {}

  /** Every problem of the line; empty when the node must accept it. */
  public static List<String> problems(byte[] line) {
    return problems(line, true);
  }

  /**
   * Every problem of the line as the value of a Kafka record ("Other transports"): a record without
   * eventId is valid there, since the record's position becomes its id.
   */
  public static List<String> problemsAsKafkaRecord(byte[] line) {
    return problems(line, false);
  }

  private static List<String> problems(byte[] line, boolean eventIdRequired) {
    if (line.length > MAX_LINE_BYTES) {
      return List.of("line: longer than 65536 bytes");
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line));
    } catch (CharacterCodingException e) {
      return List.of("line: not valid UTF-8");
    }
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (IOException e) {
      return List.of("line: not valid JSON");
    }
    if (root == null || !root.isObject()) {
      return List.of("line: must be a JSON object");
    }
    List<String> problems = new ArrayList<>();
    String type = root.path("type").isTextual() ? root.get("type").asText() : null;
    if (type == null || !TYPES.contains(type)) {
      problems.add("type: must be one of " + TYPES);
    }
    text(problems, root, "eventId", 128, eventIdRequired);
    occurredAt(problems, root);
    if (root.has("source")) {
      text(problems, root, "source", 64, true);
    }
    if (type == null || !TYPES.contains(type)) {
      return problems;
    }
    switch (type) {
      case "count" -> {
        stockIds(problems, root);
        integer(problems, root, "onHand", 0, MAX_QTY);
      }
      case "sale" -> {
        stockIds(problems, root);
        integer(problems, root, "qty", 1, MAX_QTY);
        if (root.has("unitPrice")
            && (!root.get("unitPrice").isNumber() || root.get("unitPrice").asDouble() < 0)) {
          problems.add("unitPrice: must be a number >= 0");
        }
        if (root.has("channel") && !root.get("channel").isTextual()) {
          problems.add("channel: must be a string");
        }
      }
      case "return", "receipt" -> {
        stockIds(problems, root);
        integer(problems, root, "qty", 1, MAX_QTY);
      }
      case "adjustment" -> {
        stockIds(problems, root);
        integer(problems, root, "qty", -MAX_QTY, MAX_QTY);
        if (root.path("qty").isIntegralNumber() && root.get("qty").asLong() == 0) {
          problems.add("qty: must not be 0");
        }
        if (!root.path("reason").isTextual()) {
          problems.add("reason: must be a string");
        }
      }
      case "store" -> store(problems, root);
      default -> throw new IllegalStateException(type);
    }
    return problems;
  }

  public static boolean isValid(byte[] line) {
    return problems(line).isEmpty();
  }

  private static void store(List<String> problems, JsonNode root) {
    identifier(problems, root, "storeId");
    boolean any = false;
    for (String field : List.of("name", "address", "status", "timezone")) {
      if (root.has(field)) {
        any = true;
        if (!root.get(field).isTextual()) {
          problems.add(field + ": must be a string");
        }
      }
    }
    if (!any) {
      problems.add("store: needs at least one of name, address, status, timezone");
    }
    if (root.path("timezone").isTextual() && !isTimezone(root.get("timezone").asText())) {
      problems.add("timezone: must be an IANA zone or an offset");
    }
  }

  private static boolean isTimezone(String text) {
    try {
      if (text.startsWith("+") || text.startsWith("-")) {
        ZoneOffset.of(text);
      } else {
        ZoneId.of(text);
      }
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static void stockIds(List<String> problems, JsonNode root) {
    identifier(problems, root, "locationId");
    identifier(problems, root, "sku");
  }

  private static void identifier(List<String> problems, JsonNode root, String field) {
    if (!text(problems, root, field, 128, true)) {
      return;
    }
    String value = root.get(field).asText();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '|') {
        problems.add(field + ": must not contain control characters or '|'");
        return;
      }
    }
  }

  private static boolean text(
      List<String> problems, JsonNode root, String field, int maxLength, boolean required) {
    JsonNode value = root.path(field);
    if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > maxLength) {
      if (required || !value.isMissingNode()) {
        problems.add(field + ": must be a string of 1-" + maxLength + " characters");
      }
      return false;
    }
    return true;
  }

  private static void occurredAt(List<String> problems, JsonNode root) {
    JsonNode value = root.path("occurredAt");
    try {
      if (value.isTextual()) {
        OffsetDateTime.parse(value.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return;
      }
    } catch (DateTimeException e) {
      // reported below
    }
    problems.add("occurredAt: must be an ISO-8601 date-time with offset");
  }

  private static void integer(
      List<String> problems, JsonNode root, String field, long min, long max) {
    JsonNode value = root.path(field);
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.asLong() < min
        || value.asLong() > max) {
      problems.add(field + ": must be an integer from " + min + " to " + max);
    }
  }
}
