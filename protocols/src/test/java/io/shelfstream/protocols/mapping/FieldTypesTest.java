package io.shelfstream.protocols.mapping;

import static io.shelfstream.protocols.mapping.Mappings.SALE_BASE;
import static io.shelfstream.protocols.mapping.Mappings.errors;
import static io.shelfstream.protocols.mapping.Mappings.event;
import static io.shelfstream.protocols.mapping.Mappings.saleWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.StockMovement;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Each type a source value can be read as, from JSON and from text, and what it refuses. */
class FieldTypesTest {

  @Test
  void stringReadsTextAndTheTextOfNumbers() {
    var mapping =
        saleWith("sku", "\"target\": \"sku\", \"source\": \"code\", \"type\": \"string\"");
    assertThat(sku(event(mapping, "{" + SALE_BASE + ",\"code\":\"A-1\"}"))).isEqualTo("A-1");
    assertThat(sku(event(mapping, "{" + SALE_BASE + ",\"code\":1234}"))).isEqualTo("1234");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"code\":{\"a\":1}}"))
        .containsExactly("sku (from code): must be a single value, got {\"a\":1}");
  }

  @Test
  void integerReadsWholeNumbersFromJsonOrText() {
    var mapping = saleWith("qty", "\"target\": \"qty\", \"source\": \"n\", \"type\": \"integer\"");
    assertThat(qty(event(mapping, "{" + SALE_BASE + ",\"n\":3}"))).isEqualTo(3);
    assertThat(qty(event(mapping, "{" + SALE_BASE + ",\"n\":\"7\"}"))).isEqualTo(7);
    assertThat(qty(event(mapping, "{" + SALE_BASE + ",\"n\":4.00}"))).isEqualTo(4);
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"n\":\"5.5\"}"))
        .containsExactly("qty (from n): must be a whole number, got \"5.5\"");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"n\":\"five\"}"))
        .containsExactly("qty (from n): must be an integer, got \"five\"");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"n\":1e30}"))
        .containsExactly("qty (from n): must be an integer within a 64-bit range, got 1.0E30");
  }

  @Test
  void integerValuesStillObeyThePosRules() {
    var mapping = saleWith("qty", "\"target\": \"qty\", \"source\": \"n\"");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"n\":0}"))
        .containsExactly("qty (from n): must be an integer greater than 0, got 0");
  }

  @Test
  void decimalReadsNumbersAndNumericText() {
    var mapping = saleWith("unitPrice", "\"target\": \"unitPrice\", \"source\": \"p\"");
    assertThat(price(event(mapping, "{" + SALE_BASE + ",\"p\":\"4.99\"}")))
        .isEqualByComparingTo("4.99");
    assertThat(price(event(mapping, "{" + SALE_BASE + ",\"p\":12}"))).isEqualByComparingTo("12");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"p\":\"4,99\"}"))
        .containsExactly("unitPrice (from p): must be a number, got \"4,99\"");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"p\":-1}"))
        .containsExactly("unitPrice (from p): must be a number >= 0, got -1");
  }

  @Test
  void booleanReadsTrueAndFalseAndFeedsAnEnum() {
    var mapping =
        saleWith(
            "type",
            "\"target\": \"type\", \"source\": \"refund\", \"type\": \"boolean\","
                + " \"enum\": {\"true\": \"return\", \"false\": \"sale\"}");
    var returned = (StockMovement) event(mapping, "{" + SALE_BASE + ",\"refund\":true}");
    var sold = (StockMovement) event(mapping, "{" + SALE_BASE + ",\"refund\":\"FALSE\"}");
    assertThat(returned.kind().name()).isEqualTo("RETURN");
    assertThat(sold.kind().name()).isEqualTo("SALE");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"refund\":\"yes\"}"))
        .containsExactly("type (from refund): must be true or false, got \"yes\"");
  }

  @Test
  void timestampReadsEachFormatInOrderInTheDefaultZone() {
    var mapping =
        saleWith(
            "occurredAt",
            "\"target\": \"occurredAt\", \"source\": \"when\","
                + " \"formats\": [\"dd/MM/yyyy HH:mm\", \"yyyy-MM-dd\", \"iso\"],"
                + " \"zone\": \"Europe/Paris\"");
    assertThat(at(event(mapping, "{" + SALE_BASE + ",\"when\":\"01/07/2026 09:30\"}")))
        .isEqualTo(OffsetDateTime.parse("2026-07-01T09:30+02:00"));
    assertThat(at(event(mapping, "{" + SALE_BASE + ",\"when\":\"2026-01-15\"}")))
        .isEqualTo(OffsetDateTime.parse("2026-01-15T00:00+01:00"));
    assertThat(at(event(mapping, "{" + SALE_BASE + ",\"when\":\"2026-01-15T10:00:00-05:00\"}")))
        .isEqualTo(OffsetDateTime.parse("2026-01-15T10:00-05:00"));
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"when\":\"15.01.2026\"}"))
        .containsExactly(
            "occurredAt (from when): must be a timestamp as dd/MM/yyyy HH:mm or yyyy-MM-dd or"
                + " iso, got \"15.01.2026\"");
  }

  @Test
  void timestampReadsEpochSecondsAndMillis() {
    var seconds =
        saleWith(
            "occurredAt",
            "\"target\": \"occurredAt\", \"source\": \"t\", \"formats\": [\"epochSeconds\"],"
                + " \"zone\": \"UTC\"");
    var millis =
        saleWith(
            "occurredAt",
            "\"target\": \"occurredAt\", \"source\": \"t\", \"formats\": [\"epochMillis\"],"
                + " \"zone\": \"Asia/Tokyo\"");
    assertThat(at(event(seconds, "{" + SALE_BASE + ",\"t\":1772355600}")))
        .isEqualTo(OffsetDateTime.parse("2026-03-01T09:00Z"));
    assertThat(at(event(millis, "{" + SALE_BASE + ",\"t\":\"1772355600000\"}")))
        .isEqualTo(OffsetDateTime.parse("2026-03-01T18:00+09:00"));
  }

  @Test
  void timestampsOutsideTheEventRangeAreRefusedByThePosRules() {
    var mapping =
        saleWith(
            "occurredAt",
            "\"target\": \"occurredAt\", \"source\": \"t\", \"formats\": [\"epochSeconds\"],"
                + " \"zone\": \"UTC\"");
    assertThat(errors(mapping, "{" + SALE_BASE + ",\"t\":-1}"))
        .singleElement()
        .asString()
        .startsWith("occurredAt (from t): must be between 1970-01-01T00:00:00Z");
  }

  private static String sku(Object event) {
    return ((StockMovement) event).key().sku();
  }

  private static long qty(Object event) {
    return ((StockMovement) event).qty();
  }

  private static BigDecimal price(Object event) {
    return ((StockMovement) event).unitPrice();
  }

  private static OffsetDateTime at(Object event) {
    return ((StockMovement) event).occurredAt();
  }
}
