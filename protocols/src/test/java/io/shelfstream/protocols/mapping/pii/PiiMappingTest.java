package io.shelfstream.protocols.mapping.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.mapping.CompileResult;
import io.shelfstream.protocols.mapping.Mapping;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.mapping.MappingResult;
import io.shelfstream.protocols.mapping.record.Record;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiMappingTest {
  static final MappingOptions KEY_A =
      MappingOptions.withPiiKey(PiiKey.of("key-a-0123456789abcdef"));
  static final MappingOptions KEY_B =
      MappingOptions.withPiiKey(PiiKey.of("key-b-0123456789abcdef"));
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An order whose customer's email is hashed into the segment and whose phone is dropped. */
  static final String ORDER_MAPPING =
      """
      {"fields": [
        {"target": "type", "transforms": [{"constant": "sale"}]},
        {"target": "eventId", "source": "id"},
        {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
        {"target": "locationId", "source": "store"},
        {"target": "sku", "source": "sku"},
        {"target": "qty", "source": "qty"},
        {"target": "customerSegment", "source": "customer.email",
         "transforms": ["trim", "lower"], "pii": "hash"},
        {"target": "promotionCode", "source": "customer.phone", "required": true, "pii": "drop"}
      ]}""";

  static String order(String email, String phone) {
    return "{\"id\": \"o-1\", \"at\": \"2026-03-01T10:00:00Z\", \"store\": \"S1\", \"sku\": \"A\","
        + " \"qty\": 2, \"customer\": {\"email\": "
        + JSON.valueToTree(email)
        + (phone == null ? "" : ", \"phone\": " + JSON.valueToTree(phone))
        + "}}";
  }

  static Mapping compile(String spec, MappingOptions options) {
    CompileResult compiled = Mapping.compile(spec, "shop", options);
    assertThat(compiled).as(compiled.toString()).isInstanceOf(CompileResult.Compiled.class);
    return ((CompileResult.Compiled) compiled).mapping();
  }

  static RetailEvent event(Mapping mapping, String record) throws Exception {
    MappingResult result = mapping.apply(Record.json(JSON.readTree(record)));
    assertThat(result).as(result.toString()).isInstanceOf(MappingResult.Mapped.class);
    return ((MappingResult.Mapped) result).events().get(0);
  }

  static String segment(RetailEvent event) {
    return ((StockMovement) event).sale().customerSegment();
  }

  @Test
  void aHashIsTheSameForEqualValuesUnderOneKey() throws Exception {
    Mapping mapping = compile(ORDER_MAPPING, KEY_A);
    String first = segment(event(mapping, order("Ann@Example.com", "+33 6")));
    String again = segment(event(mapping, order(" ann@example.com", "+44 7")));
    String other = segment(event(mapping, order("bob@example.com", "+33 6")));

    assertThat(first).isEqualTo(again).matches("[0-9a-f]{32}").isNotEqualTo(other);
    assertThat(first).isEqualTo(PiiKey.of("key-a-0123456789abcdef").hash("ann@example.com"));
  }

  @Test
  void aHashDiffersUnderAnotherKey() throws Exception {
    String underA = segment(event(compile(ORDER_MAPPING, KEY_A), order("ann@example.com", "1")));
    String underB = segment(event(compile(ORDER_MAPPING, KEY_B), order("ann@example.com", "1")));

    assertThat(underA).isNotEqualTo(underB);
  }

  @Test
  void aDroppedFieldNeverReachesTheEventYetIsStillRequired() throws Exception {
    Mapping mapping = compile(ORDER_MAPPING, KEY_A);
    RetailEvent event = event(mapping, order("ann@example.com", "+33 6 12 34 56 78"));
    assertThat(event.toString()).doesNotContain("+33 6 12").doesNotContain("ann@example.com");
    assertThat(((StockMovement) event).sale().promotionCode()).isNull();

    MappingResult missing = mapping.apply(Record.json(JSON.readTree(order("a@b.c", null))));
    assertThat(((MappingResult.Failed) missing).reason())
        .isEqualTo(
            "promotionCode (from customer.phone): is required, and the record has no value for it");
  }

  @Test
  void theReasonOfAFailedPiiFieldQuotesNoValue() throws Exception {
    Mapping mapping =
        compile(
            ORDER_MAPPING.replace(
                "\"pii\": \"hash\"}", "\"enum\": {\"x\": \"y\"}, \"pii\": \"hash\"}"),
            KEY_A);

    MappingResult result =
        mapping.apply(Record.json(JSON.readTree(order(" Ann@Example.com", "1"))));

    String reason = ((MappingResult.Failed) result).reason();
    assertThat(reason)
        .isEqualTo(
            "customerSegment (from customer.email): \"***\" is not in the enum (x) and the field"
                + " has no enumDefault")
        .doesNotContainIgnoringCase("ann@example.com");
  }

  @Test
  void aMappingThatHashesIsRefusedWithoutAKey() {
    CompileResult compiled = Mapping.compile(ORDER_MAPPING, "shop", MappingOptions.NONE);

    assertThat(((CompileResult.Invalid) compiled).reason())
        .isEqualTo(
            "customerSegment: \"pii\": \"hash\" needs the node's HMAC key, and this node has"
                + " none: set shelfstream.pii.hmac-key (a secret reference such as"
                + " ${env:SHELFSTREAM_PII_KEY}), or drop the field");
    assertThat(Mapping.compile(ORDER_MAPPING.replace("hash", "drop"), "shop"))
        .as("dropping needs no key")
        .isInstanceOf(CompileResult.Compiled.class);
  }

  @Test
  void piiIsRefusedWhereItCannotWork() {
    String spec =
        """
        {"fields": [
          {"target": "type", "transforms": [{"constant": "sale"}], "pii": "drop"},
          {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
          {"target": "qty", "source": "qty", "pii": "hash"},
          {"target": "sku", "source": "sku", "pii": "mask"}
        ]}""";

    assertThat(((CompileResult.Invalid) Mapping.compile(spec, "shop", KEY_A)).problems())
        .extracting(Object::toString)
        .containsExactly(
            "type: cannot be pii: every event needs its type",
            "qty: \"pii\": \"hash\" gives text, and this field takes integer: hash into a text"
                + " field such as customerSegment, or drop it",
            "sku: \"pii\" must be \"hash\" or \"drop\", got \"mask\"");
  }

  @Test
  void anEventIdCanBeHashedFromAConcatOfAnOrderAndAnEmail() throws Exception {
    Mapping mapping =
        compile(
            ORDER_MAPPING
                .replace(", \"pii\": \"hash\"}", "}")
                .replace(
                    "{\"target\": \"eventId\", \"source\": \"id\"}",
                    "{\"target\": \"eventId\", \"source\": \"id\", \"transforms\": [{\"concat\":"
                        + " {\"parts\": [{\"source\": \"customer.email\"}]}}], \"pii\": \"hash\"}"),
            KEY_A);

    RetailEvent event = event(mapping, order("ann@example.com", "1"));

    assertThat(event.eventId())
        .isEqualTo(PiiKey.of("key-a-0123456789abcdef").hash("o-1ann@example.com"));
  }

  @Test
  void aFailedJsonRecordIsKeptWithItsPiiSourcesMasked() throws Exception {
    Mapping mapping = compile(ORDER_MAPPING, KEY_A);
    String record = order("ann@example.com", "+33 6").replace("\"qty\": 2", "\"qty\": \"two\"");

    String kept = mapping.redaction().jsonText(record);

    assertThat(JSON.readTree(kept))
        .isEqualTo(JSON.readTree(order("***", "***").replace("\"qty\": 2", "\"qty\": \"two\"")));
  }

  @Test
  void aBrokenJsonRecordIsMaskedByKey() {
    Mapping mapping = compile(ORDER_MAPPING, KEY_A);
    String cut = "[{\"customer\": {\"email\": \"ann@example.com\", \"phone\": 336, \"x\": \"a";
    String unterminated = "{\"customer\": {\"email\": \"ann@exa";

    assertThat(mapping.redaction().jsonText(cut))
        .isEqualTo("[{\"customer\": {\"email\": \"***\", \"phone\": \"***\", \"x\": \"a");
    assertThat(mapping.redaction().jsonText(unterminated))
        .isEqualTo("{\"customer\": {\"email\": \"***\"");
    assertThat(mapping.redaction().jsonText("{\"a\": 1} {\"email\": \"ann@example.com\"}"))
        .as("text after the record is kept, masked")
        .isEqualTo("{\"a\": 1} {\"email\": \"***\"}");
  }

  @Test
  void perElementSourcesAreMaskedInEveryElement() throws Exception {
    Mapping mapping =
        compile(
            """
            {"each": "lines", "fields": [
              {"target": "type", "transforms": [{"constant": "sale"}]},
              {"target": "occurredAt", "source": "at", "formats": ["iso"], "zone": "UTC"},
              {"target": "customerSegment", "source": "lines[].buyer", "pii": "hash"}
            ]}""",
            KEY_A);

    JsonNode kept =
        mapping
            .redaction()
            .json(
                JSON.readTree("{\"at\": 1, \"lines\": [{\"buyer\": \"a\"}, {\"buyer\": \"b\"}]}"));

    assertThat(kept.toString())
        .isEqualTo("{\"at\":1,\"lines\":[{\"buyer\":\"***\"},{\"buyer\":\"***\"}]}");
  }

  @Test
  void aFailedRowIsKeptWithItsPiiColumnsMasked() {
    Mapping mapping =
        compile(
            """
            {"fields": [
              {"target": "type", "transforms": [{"constant": "sale"}]},
              {"target": "occurredAt", "source": "date", "formats": ["iso"], "zone": "UTC"},
              {"target": "customerSegment", "source": "customer_segment"},
              {"target": "promotionCode", "source": "Customer E-mail", "pii": "hash"},
              {"target": "fulfillment", "source": "phone.number", "pii": "drop"}
            ]}""",
            KEY_A);
    Map<String, String> row = new LinkedHashMap<>();
    row.put("date", "2025-01-15");
    row.put("customer_segment", "loyalty");
    row.put("Customer E-mail", "ann@example.com");
    row.put("phone.number", "");

    assertThat(mapping.redaction().row(row))
        .containsExactly(
            Map.entry("date", "2025-01-15"),
            Map.entry("customer_segment", "loyalty"),
            Map.entry("Customer E-mail", "***"),
            Map.entry("phone.number", ""));
    assertThat(
            mapping
                .redaction()
                .cells(
                    List.of("date", "Customer E-mail", "phone.number"),
                    List.of("2025-01-15", "ann@example.com", "+33 6", "extra")))
        .containsExactly("2025-01-15", "***", "***", "***");
    assertThat(mapping.redaction().unreadable("2025;\"ann@example.com"))
        .doesNotContain("ann")
        .startsWith("***");
  }

  @Test
  void aMappingWithoutPiiKeepsRecordsAsTheyAre() {
    Mapping mapping =
        compile(
            ORDER_MAPPING.replace(", \"pii\": \"hash\"", "").replace(", \"pii\": \"drop\"", ""),
            MappingOptions.NONE);
    String record = order("ann@example.com", "1");

    assertThat(mapping.redaction().isEmpty()).isTrue();
    assertThat(mapping.redaction().jsonText(record)).isEqualTo(record);
  }

  @Test
  void theKeyIsNeverShown() {
    assertThat(PiiKey.of("key-a-0123456789abcdef").toString()).doesNotContain("key-a");
    assertThat(PiiKey.problem("short")).contains("the HMAC key must be at least 16 bytes long");
    assertThat(KEY_A.toString()).doesNotContain("key-a");
  }
}
