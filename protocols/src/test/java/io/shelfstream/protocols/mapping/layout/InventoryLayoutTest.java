package io.shelfstream.protocols.mapping.layout;

import static io.shelfstream.protocols.mapping.layout.LayoutRows.errors;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.event;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.row;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.with;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.shelfstream.protocols.event.InventoryKey;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.mapping.Mapping;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryLayoutTest {
  static final String HEADER =
      "date,product_id,location,stock_level,reserved_stock,in_transit,supplier_id,"
          + "last_reorder_date";
  static final Map<String, String> ROW =
      row(HEADER, "2025-01-15T06:00:00,SKU-1,S001,40,6,12,SUP-9,2025-01-10");
  static final Mapping INVENTORY =
      Layout.INVENTORY.mapping(new LayoutOptions("erp", ZoneId.of("America/New_York"), null));

  @Test
  void aRowIsACountWithReservedAndInTransit() {
    var count = (StockCount) event(INVENTORY, ROW);
    assertThat(count.key()).isEqualTo(new InventoryKey("S001", "SKU-1"));
    assertThat(count.onHand()).isEqualTo(40);
    assertThat(count.reserved()).isEqualTo(6);
    assertThat(count.inTransit()).isEqualTo(12);
    assertThat(count.source()).isEqualTo("erp");
    assertThat(count.occurredAt()).isEqualTo(OffsetDateTime.parse("2025-01-15T06:00:00-05:00"));
  }

  @Test
  void reservedAndInTransitAreOptional() {
    var count =
        (StockCount) event(INVENTORY, with(without(ROW, "in_transit"), "reserved_stock", ""));
    assertThat(count.reserved()).isNull();
    assertThat(count.inTransit()).isNull();
  }

  @Test
  void theStockLevelMustNotBeNegative() {
    assertThat(errors(INVENTORY, with(ROW, "stock_level", "-1")))
        .containsExactly("onHand (from stock_level): must be an integer >= 0, got -1");
    assertThat(errors(INVENTORY, with(ROW, "stock_level", "forty")))
        .singleElement(STRING)
        .startsWith("onHand (from stock_level): must be an integer");
  }

  @Test
  void reservedAndInTransitMustNotBeNegative() {
    var row = with(with(ROW, "reserved_stock", "-2"), "in_transit", "-3");
    assertThat(errors(INVENTORY, row))
        .extracting(error -> error.substring(0, error.indexOf(':')))
        .containsExactly("reserved (from reserved_stock)", "inTransit (from in_transit)");
  }

  @Test
  void aLocationIsNeededOnEveryRow() {
    assertThat(errors(INVENTORY, with(ROW, "location", " ")))
        .containsExactly(
            "locationId (from location): is required, and the record has no value for it");
  }

  @Test
  void missingRequiredColumnsAreNamed() {
    assertThat(Layout.INVENTORY.missingColumns(List.of("date", "product_id", "stock_level")))
        .containsExactly("location");
    assertThat(errors(INVENTORY, without(ROW, "stock_level")))
        .containsExactly(
            "onHand (from stock_level): is required, and the record has no value for it");
  }
}
