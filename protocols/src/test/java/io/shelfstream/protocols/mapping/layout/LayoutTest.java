package io.shelfstream.protocols.mapping.layout;

import static io.shelfstream.protocols.mapping.layout.LayoutRows.event;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayoutTest {

  @Test
  void layoutsAreFoundByName() {
    assertThat(Layout.fromName("sales")).contains(Layout.SALES);
    assertThat(Layout.fromName("inventory")).contains(Layout.INVENTORY);
    assertThat(Layout.fromName("demand-signals")).contains(Layout.DEMAND_SIGNALS);
    assertThat(Layout.fromName("Sales")).isEqualTo(Optional.empty());
  }

  @Test
  void everyLayoutCompilesAndItsColumnsAreTheIssuesOnes() {
    for (Layout layout : Layout.values()) {
      assertThat(layout.optionsProblem(new LayoutOptions("feed", ZoneId.of("UTC"), "L1")))
          .isEmpty();
    }
    assertThat(Layout.INVENTORY.requiredColumns())
        .containsExactly("date", "product_id", "location", "stock_level");
    assertThat(Layout.INVENTORY.optionalColumns())
        .containsExactly("reserved_stock", "in_transit", "supplier_id", "last_reorder_date");
  }

  @Test
  void aResentRowHasTheSameDigestIdAndAChangedOneAnother() {
    var mapping = SalesLayoutTest.SALES;
    var first = event(mapping, SalesLayoutTest.ROW);
    assertThat(event(mapping, SalesLayoutTest.ROW).eventId()).isEqualTo(first.eventId());
    assertThat(event(mapping, with(SalesLayoutTest.ROW, "quantity_sold", "4")).eventId())
        .isNotEqualTo(first.eventId());
  }

  @Test
  void anEventIdColumnGivesEachRowTheIdItHolds() {
    var mapping = Layout.SALES.mapping(SalesLayoutTest.OPTIONS.withEventIdColumn("_row"));
    var row = with(SalesLayoutTest.ROW, "_row", "DAILY_SALES_0115.csv:2");
    assertThat(event(mapping, row).eventId()).isEqualTo("DAILY_SALES_0115.csv:2");
    assertThat(LayoutRows.errors(mapping, SalesLayoutTest.ROW))
        .containsExactly("eventId (from _row): is required, and the record has no value for it");
  }

  @Test
  void aZoneIsRequired() {
    assertThat(Layout.INVENTORY.optionsProblem(new LayoutOptions("feed", null, null)))
        .hasValueSatisfying(problem -> assertThat(problem).startsWith("zone: is required"));
  }
}
