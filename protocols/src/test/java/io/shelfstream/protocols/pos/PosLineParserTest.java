package io.shelfstream.protocols.pos;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.event.StoreField;
import io.shelfstream.protocols.event.StoreUpdate;
import io.shelfstream.protocols.pos.ParseResult.Parsed;
import io.shelfstream.protocols.pos.ParseResult.Rejected;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PosLineParserTest {
  private final PosLineParser parser = new PosLineParser();

  private static final String HEAD =
      "\"eventId\":\"e-1\",\"occurredAt\":\"2026-03-01T09:12:00+01:00\"";

  private Parsed parsed(String line) {
    ParseResult result = parser.parse(line);
    assertThat(result).as(line).isInstanceOf(Parsed.class);
    return (Parsed) result;
  }

  private Rejected rejected(String line) {
    ParseResult result = parser.parse(line);
    assertThat(result).as(line).isInstanceOf(Rejected.class);
    return (Rejected) result;
  }

  @Test
  void decodesACountWithItsOffsetAndDefaultSource() {
    var event =
        parsed(
                "{\"type\":\"count\","
                    + HEAD
                    + ",\"locationId\":\"S001\",\"sku\":\"A\",\"onHand\":10}")
            .event();
    assertThat(event)
        .isEqualTo(
            new StockCount(
                "e-1",
                "pos",
                OffsetDateTime.parse("2026-03-01T09:12:00+01:00"),
                new InventoryKey("S001", "A"),
                10));
    assertThat(((StockCount) event).occurredAt().getOffset().getTotalSeconds()).isEqualTo(3600);
  }

  @Test
  void decodesASaleWithPriceAndChannel() {
    var sale =
        (StockMovement)
            parsed(
                    "{\"type\":\"sale\","
                        + HEAD
                        + ",\"source\":\"till-7\",\"locationId\":\"S001\",\"sku\":\"A\",\"qty\":2,"
                        + "\"unitPrice\":4.99,\"channel\":\"store\"}")
                .event();
    assertThat(sale.kind()).isEqualTo(MovementKind.SALE);
    assertThat(sale.delta()).isEqualTo(-2);
    assertThat(sale.source()).isEqualTo("till-7");
    assertThat(sale.unitPrice()).isEqualByComparingTo(new BigDecimal("4.99"));
    assertThat(sale.channel()).isEqualTo("store");
  }

  @ParameterizedTest
  @CsvSource({"return,3,3", "receipt,24,24", "adjustment,-5,-5", "adjustment,4,4"})
  void movementsCarryTheirSignedDelta(String type, long qty, long delta) {
    var movement =
        (StockMovement)
            parsed(
                    "{\"type\":\""
                        + type
                        + "\","
                        + HEAD
                        + ",\"locationId\":\"S1\",\"sku\":\"A\",\"qty\":"
                        + qty
                        + ",\"reason\":\"shrink\"}")
                .event();
    assertThat(movement.delta()).isEqualTo(delta);
  }

  @Test
  void decodesAStoreUpdateWithOnlyTheFieldsGiven() {
    var store =
        (StoreUpdate)
            parsed(
                    "{\"type\":\"store\","
                        + HEAD
                        + ",\"storeId\":\"S001\",\"name\":\"Lyon\",\"timezone\":\"Europe/Paris\"}")
                .event();
    assertThat(store.fields())
        .containsOnlyKeys(StoreField.NAME, StoreField.TIMEZONE)
        .containsEntry(StoreField.NAME, "Lyon");
    assertThat(store.entityId()).isEqualTo("S001");
  }

  @Test
  void reportsEveryProblemOfALineWithItsField() {
    Rejected rejected =
        rejected(
            "{\"type\":\"sale\",\"eventId\":\"e-9\",\"occurredAt\":\"2026-03-01 08:00\","
                + "\"locationId\":\"S|1\",\"qty\":0}");
    assertThat(rejected.eventId()).isEqualTo("e-9");
    assertThat(rejected.errors())
        .extracting(FieldError::field)
        .containsExactly("occurredAt", "locationId", "sku", "qty");
    assertThat(rejected.reason())
        .contains("occurredAt: must be an ISO-8601 date-time with offset, got \"2026-03-01 08:00\"")
        .contains("locationId: must not contain '|'")
        .contains("sku: is required")
        .contains("qty: must be an integer greater than 0, got 0");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "`{\"type\":\"count\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"onHand\":-1}` | onHand: must be an integer >= 0",
        "`{\"type\":\"count\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"onHand\":5.5}` | onHand: must be an integer >= 0, got 5.5",
        "`{\"type\":\"count\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"onHand\":\"5\"}` | onHand: must be an integer >= 0, got \"5\"",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":5000000000}` | qty: must be an integer greater than 0",
        "`{\"type\":\"adjustment\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":0,\"reason\":\"x\"}` | qty: must be a signed integer other than 0",
        "`{\"type\":\"adjustment\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":3}` | reason: is required",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1,\"unitPrice\":-1}` | unitPrice: must be a number >= 0",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1,\"unitPrice\":1e400}` | unitPrice: must be a number >= 0",
        "`{\"type\":\"adjustment\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":-9223372036854775808,\"reason\":\"x\"}` | qty: must be a signed integer other than 0, got -9223372036854775808",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | occurredAt: must be an ISO-8601 date-time with offset",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"occurredAt\":\"+999999999-12-31T23:59:59Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | occurredAt: must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z, got \"+999999999-12-31T23:59:59Z\"",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"occurredAt\":\"1969-12-31T23:59:59Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | occurredAt: must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"occurredAt\":\"+10000-01-01T00:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | occurredAt: must be between",
        "`{\"type\":\"store\",\"eventId\":\"st-ls-2\",\"occurredAt\":\"2026-02-01T10:00:00Z\",\"storeId\":\"LS2\",\"name\":\"bad \\ud83d name\"}` | name: must be well-formed Unicode: a lone surrogate U+D83D at character 5",
        "`{\"type\":\"store\",\"eventId\":\"e\",\"occurredAt\":\"2026-02-01T10:00:00Z\",\"storeId\":\"\\udc00\",\"name\":\"n\"}` | storeId: must be well-formed Unicode: a lone surrogate U+DC00 at character 1",
        "`{\"type\":\"sale\",\"eventId\":\"e\\ud800\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | eventId: must be well-formed Unicode",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"source\":\"p\\u0000s\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | source: must not contain the NUL character",
        "`{\"type\":\"sale\",\"eventId\":\"e\\u0007\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | eventId: must not contain control characters",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1,\"channel\":\"\\udfff\"}` | channel: must be well-formed Unicode",
        "`{\"type\":\"refund\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\"}` | type: must be one of count, sale, return, receipt, adjustment, store, demand, got \"refund\"",
        "`{\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\"}` | type: is required",
        "`{\"type\":\"sale\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | eventId: is required",
        "`{\"type\":\"sale\",\"eventId\":\"  \",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | eventId: must not be blank",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"source\":7,\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\",\"sku\":\"A\",\"qty\":1}` | source: must be a string, got 7",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"L\\u0001\",\"sku\":\"A\",\"qty\":1}` | locationId: must not contain control characters",
        "`{\"type\":\"store\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"storeId\":\"S1\"}` | line: a store event needs at least one of name, address, timezone, status",
        "`{\"type\":\"store\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"storeId\":\"S1\",\"timezone\":\"Mars/Olympus\"}` | timezone: must be an IANA time zone or an offset",
        "`{\"type\":\"store\",\"eventId\":\"e\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"storeId\":\"S1\",\"address\":{\"city\":\"Lyon\"}}` | address: must be a string",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"eventId\":\"f\",\"occurredAt\":\"2026-03-01T09:00:00Z\"}` | line: not valid JSON (Duplicate field 'eventId')",
        "`{\"type\":\"sale\",\"note\":1,\"eventId\":\"e\",\"note\":2}` | line: not valid JSON (Duplicate field 'note')",
        "`{\"type\":\"sale\",\"eventId\":\"e\",\"meta\":{\"a\":1,\"b\":[{\"c\":1,\"c\":2}]}}` | line: not valid JSON (Duplicate field 'c')",
        "`{\"type\":\"store\",\"eventId\":\"e\",\"address\":{\"city\":\"Lyon\",\"city\":\"Nice\"}}` | line: not valid JSON (Duplicate field 'city')",
        "`[{\"a\":1,\"a\":2}]` | line: not valid JSON (Duplicate field 'a')",
        "`{\"type\":\"sale\"} trailing` | line: not valid JSON",
        "`{\"type\":\"sale\",` | line: not valid JSON",
        "`[1,2]` | line: must be a JSON object",
        "`42` | line: must be a JSON object",
      })
  void rejectsBadLinesNamingTheFieldAndTheReason(String line, String expected) {
    assertThat(rejected(line).reason()).contains(expected);
  }

  @Test
  void keepsWellFormedSurrogatePairsAndTabsInText() {
    StoreUpdate store =
        (StoreUpdate)
            parsed(
                    "{\"type\":\"store\",\"eventId\":\"e\",\"occurredAt\":\"9999-12-31T23:59:59Z\","
                        + "\"storeId\":\"S\ud83d\ude00\",\"name\":\"caf\u00e9 \ud83d\ude00\",\"address\":\"a\\tb\"}")
                .event();
    assertThat(store.storeId()).isEqualTo("S\ud83d\ude00");
    assertThat(store.fields()).containsEntry(StoreField.NAME, "caf\u00e9 \ud83d\ude00");
    assertThat(store.fields()).containsEntry(StoreField.ADDRESS, "a\tb");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] line = "{\"type\":\"sale\",\"eventId\":\"x\"}".getBytes();
    line[20] = (byte) 0xC3;
    line[21] = (byte) 0x28;
    assertThat(((Rejected) parser.parse(line)).reason()).isEqualTo("line: not valid UTF-8");
  }

  @Test
  void ignoresUnknownFieldsForForwardCompatibility() {
    parsed(
        "{\"type\":\"receipt\","
            + HEAD
            + ",\"locationId\":\"S1\",\"sku\":\"A\",\"qty\":1,\"asn\":\"856-77\"}");
  }

  @Test
  void aSourceKeyStandsInForAMissingEventIdButNotForAnInvalidOne() {
    byte[] noId =
        "{\"type\":\"receipt\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"S1\",\"sku\":\"A\",\"qty\":1}"
            .getBytes();
    assertThat(((Parsed) parser.parse(noId, "kafka:t:0:42")).event().eventId())
        .isEqualTo("kafka:t:0:42");
    assertThat(parser.parse(noId)).isInstanceOf(Rejected.class);
    byte[] blankId =
        "{\"type\":\"receipt\",\"eventId\":\"\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"locationId\":\"S1\",\"sku\":\"A\",\"qty\":1}"
            .getBytes();
    assertThat(((Rejected) parser.parse(blankId, "kafka:t:0:43")).reason())
        .contains("eventId: must not be blank");
  }

  @Test
  void keepsTheSenderDefaultSourceWhenTheLineNamesNone() {
    var event =
        new PosLineParser("kafka-eu")
            .parse(
                "{\"type\":\"receipt\","
                    + HEAD
                    + ",\"locationId\":\"S1\",\"sku\":\"A\",\"qty\":1}");
    assertThat(((Parsed) event).event().source()).isEqualTo("kafka-eu");
  }
}
