package io.shelfstream.protocols.pos;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.protocols.event.DemandSignal;
import io.shelfstream.protocols.event.ExternalDemand;
import io.shelfstream.protocols.event.SaleDetails;
import io.shelfstream.protocols.event.StockCount;
import io.shelfstream.protocols.event.StockMovement;
import io.shelfstream.protocols.pos.ParseResult.Parsed;
import io.shelfstream.protocols.pos.ParseResult.Rejected;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fields the sales, inventory and demand feeds bring: sale details, reservations, demand. */
class FeedFieldsTest {
  private static final String HEAD =
      "\"eventId\":\"e-1\",\"occurredAt\":\"2026-03-01T23:30:00-05:00\"";
  private static final String SALE =
      "{\"type\":\"sale\"," + HEAD + ",\"locationId\":\"S1\",\"sku\":\"A\",\"qty\":2";
  private static final String COUNT =
      "{\"type\":\"count\"," + HEAD + ",\"locationId\":\"S1\",\"sku\":\"A\",\"onHand\":10";
  private static final String DEMAND =
      "{\"type\":\"demand\"," + HEAD + ",\"productId\":\"P-1\",\"externalDemand\":\"medium\"";

  private final PosLineParser parser = new PosLineParser();

  private Object parsed(String line) {
    ParseResult result = parser.parse(line);
    assertThat(result).as(line).isInstanceOf(Parsed.class);
    return ((Parsed) result).event();
  }

  private String rejection(String line) {
    ParseResult result = parser.parse(line);
    assertThat(result).as(line).isInstanceOf(Rejected.class);
    return ((Rejected) result).reason();
  }

  @Test
  void aSaleKeepsItsRevenueSegmentPromotionAndFulfilment() {
    var sale =
        (StockMovement)
            parsed(
                SALE
                    + ",\"channel\":\"online\",\"revenue\":59.97,\"customerSegment\":\"loyalty\","
                    + "\"promotionCode\":\"SPRING10\",\"fulfillment\":\"ship_from_store\"}");
    assertThat(sale.channel()).isEqualTo("online");
    assertThat(sale.sale())
        .isEqualTo(
            new SaleDetails(new BigDecimal("59.97"), "loyalty", "SPRING10", "ship_from_store"));
  }

  @Test
  void aSaleWithoutDetailsCarriesNone() {
    assertThat(((StockMovement) parsed(SALE + "}")).sale()).isNull();
    var onlyRevenue = (StockMovement) parsed(SALE + ",\"revenue\":10}");
    assertThat(onlyRevenue.sale()).isEqualTo(new SaleDetails(BigDecimal.TEN, null, null, null));
  }

  @Test
  void detailsOnOtherMovementsAreIgnored() {
    var ret =
        (StockMovement)
            parsed(SALE.replace("\"sale\"", "\"return\"") + ",\"revenue\":-1,\"fulfillment\":1}");
    assertThat(ret.sale()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"revenue\":0|revenue: must be a number > 0, got 0",
        "\"revenue\":-2.5|revenue: must be a number > 0, got -2.5",
        "\"revenue\":\"5\"|revenue: must be a number > 0, got \"5\"",
        "\"revenue\":1e400|revenue: must be a number > 0, got",
        "\"customerSegment\":\" \"|customerSegment: must not be blank",
        "\"customerSegment\":3|customerSegment: must be a string, got 3",
        "\"promotionCode\":true|promotionCode: must be a string, got true",
        "\"fulfillment\":\"\"|fulfillment: must not be blank",
      })
  void aBadSaleDetailIsNamedWithItsReason(String field, String reason) {
    assertThat(rejection(SALE + "," + field + "}")).startsWith(reason);
  }

  @Test
  void aTooLongLabelIsNamed() {
    assertThat(rejection(SALE + ",\"promotionCode\":\"" + "P".repeat(65) + "\"}"))
        .isEqualTo("promotionCode: must be at most 64 characters");
  }

  @Test
  void aCountCarriesReservedAndInTransitWhenGiven() {
    var count = (StockCount) parsed(COUNT + ",\"reserved\":3,\"inTransit\":0}");
    assertThat(count.onHand()).isEqualTo(10);
    assertThat(count.reserved()).isEqualTo(3L);
    assertThat(count.inTransit()).isEqualTo(0L);
    var bare = (StockCount) parsed(COUNT + "}");
    assertThat(bare.reserved()).isNull();
    assertThat(bare.inTransit()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"reserved\":-1|reserved: must be an integer >= 0, got -1",
        "\"reserved\":1.5|reserved: must be an integer >= 0, got 1.5",
        "\"reserved\":\"3\"|reserved: must be an integer >= 0, got \"3\"",
        "\"inTransit\":-4|inTransit: must be an integer >= 0, got -4",
        "\"inTransit\":5000000000|inTransit: must be an integer >= 0, got 5000000000",
      })
  void aBadReservationIsNamedWithItsReason(String field, String reason) {
    assertThat(rejection(COUNT + "," + field + "}")).isEqualTo(reason);
  }

  @Test
  void aDemandSignalWithEveryMeasure() {
    var signal =
        (DemandSignal)
            parsed(
                DEMAND
                    + ",\"source\":\"market\",\"marketTrend\":-1,\"competitorPrice\":0,"
                    + "\"weatherFactor\":-3.5,\"eventImpact\":12,\"socialSentiment\":1}");
    assertThat(signal)
        .isEqualTo(
            new DemandSignal(
                "e-1",
                "market",
                signal.occurredAt(),
                "P-1",
                ExternalDemand.MEDIUM,
                BigDecimal.valueOf(-1),
                BigDecimal.ZERO,
                new BigDecimal("-3.5"),
                BigDecimal.valueOf(12),
                BigDecimal.ONE));
    assertThat(signal.entityId()).isEqualTo("P-1");
  }

  @Test
  void aDemandSignalIsAboutTheLocalDateOfItsTime() {
    var signal = (DemandSignal) parsed(DEMAND + "}");
    assertThat(signal.date()).isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(signal.marketTrend()).isNull();
    assertThat(signal.competitorPrice()).isNull();
    assertThat(signal.weatherFactor()).isNull();
    assertThat(signal.eventImpact()).isNull();
    assertThat(signal.socialSentiment()).isNull();
    assertThat(signal.source()).isEqualTo("pos");
  }

  @Test
  void aDemandSignalNeedsItsProductAndDemand() {
    assertThat(rejection("{\"type\":\"demand\"," + HEAD + "}"))
        .isEqualTo("productId: is required; externalDemand: is required");
    assertThat(rejection(DEMAND.replace("P-1", "P|1") + "}"))
        .isEqualTo("productId: must not contain '|'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"externalDemand\":\"HIGH\"|externalDemand: must be one of high, medium, low, got \"HIGH\"",
        "\"externalDemand\":2|externalDemand: must be a string, got 2",
        "\"marketTrend\":1.01|marketTrend: must be a number from -1 to 1, got 1.01",
        "\"marketTrend\":-2|marketTrend: must be a number from -1 to 1, got -2",
        "\"marketTrend\":\"up\"|marketTrend: must be a number from -1 to 1, got \"up\"",
        "\"competitorPrice\":-0.01|competitorPrice: must be a number >= 0, got -0.01",
        "\"weatherFactor\":\"hot\"|weatherFactor: must be a number, got \"hot\"",
        "\"eventImpact\":true|eventImpact: must be a number, got true",
        "\"socialSentiment\":1.5|socialSentiment: must be a number from -1 to 1, got 1.5",
      })
  void aBadDemandMeasureIsNamedWithItsReason(String field, String reason) {
    String line = DEMAND.replace(",\"externalDemand\":\"medium\"", "") + "," + field;
    if (!field.contains("externalDemand")) {
      line += ",\"externalDemand\":\"low\"";
    }
    assertThat(rejection(line + "}")).isEqualTo(reason);
  }

  @Test
  void anUnknownTypeListsDemandAmongTheTypes() {
    assertThat(rejection("{\"type\":\"forecast\"," + HEAD + "}"))
        .isEqualTo(
            "type: must be one of count, sale, return, receipt, adjustment, store, demand, got"
                + " \"forecast\"");
  }
}
