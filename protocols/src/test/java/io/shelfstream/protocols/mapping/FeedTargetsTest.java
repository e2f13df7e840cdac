package io.shelfstream.protocols.mapping;

import static io.shelfstream.protocols.mapping.Mappings.compile;
import static io.shelfstream.protocols.mapping.Mappings.errors;
import static io.shelfstream.protocols.mapping.Mappings.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.DemandSignal;
import io.shelfstream.protocols.event.ExternalDemand;
import io.shelfstream.protocols.event.SaleDetails;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.mapping.record.Record;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed feeds' columns fill the new targets, as CSV rows of text, and obey the POS rules. */
class FeedTargetsTest {
  private static final Mapping SALES =
      compile(
          """
          {"fields": [
            {"target": "type", "transforms": [{"constant": "sale"}]},
            {"target": "eventId", "source": "id"},
            {"target": "occurredAt", "source": "date", "formats": ["iso"], "zone": "UTC"},
            {"target": "locationId", "transforms": [{"constant": "WEB"}]},
            {"target": "sku", "source": "product_id"},
            {"target": "qty", "source": "quantity_sold"},
            {"target": "channel", "source": "channel"},
            {"target": "revenue", "source": "revenue"},
            {"target": "customerSegment", "source": "customer_segment"},
            {"target": "promotionCode", "source": "promotion_code"},
            {"target": "fulfillment", "source": "fulfillment_method"}
          ]}""");

  private static final Mapping INVENTORY =
      compile(
          """
          {"fields": [
            {"target": "type", "transforms": [{"constant": "count"}]},
            {"target": "eventId", "source": "id"},
            {"target": "occurredAt", "source": "date", "formats": ["iso"], "zone": "UTC"},
            {"target": "locationId", "source": "location"},
            {"target": "sku", "source": "product_id"},
            {"target": "onHand", "source": "stock_level"},
            {"target": "reserved", "source": "reserved_stock"},
            {"target": "inTransit", "source": "in_transit"}
          ]}""");

  private static final Mapping DEMAND =
      compile(
          """
          {"fields": [
            {"target": "type", "transforms": [{"constant": "demand"}]},
            {"target": "eventId", "source": "id"},
            {"target": "occurredAt", "source": "date", "formats": ["iso"], "zone": "Europe/Paris"},
            {"target": "productId", "source": "product_id"},
            {"target": "externalDemand", "source": "external_demand", "transforms": ["lower"]},
            {"target": "marketTrend", "source": "market_trend"},
            {"target": "competitorPrice", "source": "competitor_price"},
            {"target": "weatherFactor", "source": "weather_factor"},
            {"target": "eventImpact", "source": "event_impact"},
            {"target": "socialSentiment", "source": "social_sentiment"}
          ]}""");

  private static Record row(String... namesAndValues) {
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Record.row(row);
  }

  private static Record saleRow(String revenue) {
    return row(
        "id",
        "s-1",
        "date",
        "2025-01-15T10:30:00",
        "product_id",
        "P1",
        "channel",
        "online",
        "quantity_sold",
        "2",
        "revenue",
        revenue,
        "customer_segment",
        "new",
        "promotion_code",
        "",
        "fulfillment_method",
        "pickup");
  }

  @Test
  void aSalesRowKeepsItsDetails() {
    var sale = (StockMovement) events(SALES, saleRow("19.98")).get(0);
    assertThat(sale.channel()).isEqualTo("online");
    assertThat(sale.sale())
        .isEqualTo(new SaleDetails(new BigDecimal("19.98"), "new", null, "pickup"));
  }

  @Test
  void aSalesRowWithABadRevenueNamesItsColumn() {
    assertThat(errors(SALES, saleRow("0")))
        .containsExactly("revenue (from revenue): must be a number > 0, got 0");
  }

  @Test
  void anInventoryRowGivesReservedAndInTransit() {
    var count =
        (StockCount)
            events(
                    INVENTORY,
                    row(
                        "id",
                        "c-1",
                        "date",
                        "2025-01-15T00:00:00",
                        "location",
                        "S1",
                        "product_id",
                        "P1",
                        "stock_level",
                        "40",
                        "reserved_stock",
                        "6",
                        "in_transit",
                        ""))
                .get(0);
    assertThat(count.reserved()).isEqualTo(6L);
    assertThat(count.inTransit()).isNull();
  }

  @Test
  void anInventoryRowWithNegativeReservationsNamesItsColumn() {
    assertThat(
            errors(
                INVENTORY,
                row(
                    "id",
                    "c-1",
                    "date",
                    "2025-01-15T00:00:00",
                    "location",
                    "S1",
                    "product_id",
                    "P1",
                    "stock_level",
                    "40",
                    "reserved_stock",
                    "-1",
                    "in_transit",
                    "-2")))
        .containsExactly(
            "reserved (from reserved_stock): must be an integer >= 0, got -1",
            "inTransit (from in_transit): must be an integer >= 0, got -2");
  }

  private static Record demandRow(String demand, String trend, String sentiment) {
    return row(
        "id",
        "d-1",
        "date",
        "2025-01-15T00:00:00",
        "product_id",
        "P1",
        "external_demand",
        demand,
        "market_trend",
        trend,
        "competitor_price",
        "12.5",
        "weather_factor",
        "0.8",
        "event_impact",
        "",
        "social_sentiment",
        sentiment);
  }

  @Test
  void aDemandRowBecomesASignalForItsDate() {
    var signal = (DemandSignal) events(DEMAND, demandRow("High", "0.25", "-1")).get(0);
    assertThat(signal.productId()).isEqualTo("P1");
    assertThat(signal.date()).isEqualTo(LocalDate.parse("2025-01-15"));
    assertThat(signal.externalDemand()).isEqualTo(ExternalDemand.HIGH);
    assertThat(signal.marketTrend()).isEqualByComparingTo("0.25");
    assertThat(signal.competitorPrice()).isEqualByComparingTo("12.5");
    assertThat(signal.weatherFactor()).isEqualByComparingTo("0.8");
    assertThat(signal.eventImpact()).isNull();
    assertThat(signal.socialSentiment()).isEqualByComparingTo("-1");
  }

  @Test
  void aDemandRowOutOfRangeNamesEachColumn() {
    assertThat(errors(DEMAND, demandRow("huge", "1.5", "-1.2")))
        .containsExactly(
            "externalDemand (from external_demand): must be one of high, medium, low, got"
                + " \"huge\"",
            "marketTrend (from market_trend): must be a number from -1 to 1, got 1.5",
            "socialSentiment (from social_sentiment): must be a number from -1 to 1, got -1.2");
  }
}
