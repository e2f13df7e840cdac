package io.shelfstream.protocols.mapping.layout;

import static io.shelfstream.protocols.mapping.layout.LayoutRows.errors;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.event;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.row;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.with;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.MovementKind;
import io.shelfstream.protocols.event.SaleDetails;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.mapping.Mapping;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesLayoutTest {
  static final String HEADER =
      "date,product_id,channel,quantity_sold,revenue,customer_segment,promotion_code,"
          + "fulfillment_method";
  static final Map<String, String> ROW =
      row(HEADER, "2025-01-15T10:30:00,SKU-1,online,3,59.97,loyalty,SPRING10,ship_from_store");
  static final LayoutOptions OPTIONS =
      new LayoutOptions("sales-feed", ZoneId.of("Europe/Paris"), "WEB");
  static final Mapping SALES = Layout.SALES.mapping(OPTIONS);

  @Test
  void aRowIsASaleKeepingEveryColumn() {
    var sale = (StockMovement) event(SALES, ROW);
    assertThat(sale.kind()).isEqualTo(MovementKind.SALE);
    assertThat(sale.key()).isEqualTo(new InventoryKey("WEB", "SKU-1"));
    assertThat(sale.source()).isEqualTo("sales-feed");
    assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-01-15T10:30:00+01:00"));
    assertThat(sale.qty()).isEqualTo(3);
    assertThat(sale.channel()).isEqualTo("online");
    assertThat(sale.sale())
        .isEqualTo(
            new SaleDetails(new BigDecimal("59.97"), "loyalty", "SPRING10", "ship_from_store"));
    assertThat(sale.eventId()).startsWith("mapped:");
  }

  @Test
  void aPlainDateIsTheStartOfThatDayInTheZone() {
    var sale = (StockMovement) event(SALES, with(ROW, "date", "2025-07-01"));
    assertThat(sale.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-07-01T00:00:00+02:00"));
  }

  @Test
  void optionalColumnsMayBeEmptyOrMissing() {
    var row = with(without(ROW, "promotion_code"), "customer_segment", "");
    var sale = (StockMovement) event(SALES, without(row, "fulfillment_method"));
    assertThat(sale.sale()).isEqualTo(new SaleDetails(new BigDecimal("59.97"), null, null, null));
  }

  @Test
  void theChannelIsReadInAnyCaseAndMustBeOneOfFour() {
    assertThat(((StockMovement) event(SALES, with(ROW, "channel", " Wholesale "))).channel())
        .isEqualTo("wholesale");
    assertThat(errors(SALES, with(ROW, "channel", "store")))
        .singleElement(STRING)
        .startsWith("channel (from channel): \"store\" is not in the enum")
        .contains("marketplace, online, pos, wholesale");
  }

  @Test
  void theQuantityMustBeAPositiveInteger() {
    assertThat(errors(SALES, with(ROW, "quantity_sold", "0")))
        .containsExactly("qty (from quantity_sold): must be an integer greater than 0, got 0");
    assertThat(errors(SALES, with(ROW, "quantity_sold", "2.5")))
        .singleElement(STRING)
        .isEqualTo("qty (from quantity_sold): must be a whole number, got \"2.5\"");
  }

  @Test
  void theRevenueMustBeAPositiveDecimal() {
    assertThat(errors(SALES, with(ROW, "revenue", "0")))
        .singleElement(STRING)
        .startsWith("revenue (from revenue): ");
    assertThat(errors(SALES, with(ROW, "revenue", "12;50")))
        .singleElement(STRING)
        .startsWith("revenue (from revenue): must be a");
  }

  @Test
  void aDateWithoutTimeOrInAnotherFormatIsNamed() {
    assertThat(errors(SALES, with(ROW, "date", "15/01/2025")))
        .singleElement(STRING)
        .startsWith("occurredAt (from date): must be a timestamp");
  }

  @Test
  void everyBadFieldOfARowIsNamed() {
    var row = with(with(ROW, "quantity_sold", "x"), "channel", "fax");
    assertThat(errors(SALES, with(row, "product_id", "")))
        .extracting(error -> error.substring(0, error.indexOf(':')))
        .containsExactlyInAnyOrder(
            "sku (from product_id)", "channel (from channel)", "qty (from quantity_sold)");
  }

  @Test
  void missingRequiredColumnsAreNamedForTheHeaderAndEachRow() {
    assertThat(Layout.SALES.missingColumns(List.of("date", "product_id", "channel")))
        .containsExactly("quantity_sold", "revenue");
    assertThat(errors(SALES, without(without(ROW, "quantity_sold"), "revenue")))
        .containsExactly(
            "qty (from quantity_sold): is required, and the record has no value for it",
            "revenue (from revenue): is required, and the record has no value for it");
  }

  @Test
  void salesNeedALocation() {
    assertThatThrownBy(() -> Layout.SALES.mapping(new LayoutOptions("s", ZoneId.of("UTC"), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("locationId: is required for the sales layout");
    assertThat(Layout.SALES.optionsProblem(new LayoutOptions("s", ZoneId.of("UTC"), "A|B")))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("locationId: "));
  }
}
