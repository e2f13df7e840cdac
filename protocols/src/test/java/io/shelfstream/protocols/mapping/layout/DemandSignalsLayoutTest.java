package io.shelfstream.protocols.mapping.layout;

import static io.shelfstream.protocols.mapping.layout.LayoutRows.errors;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.event;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.row;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.with;
import static io.shelfstream.protocols.mapping.layout.LayoutRows.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.shelfstream.protocols.event.DemandSignal;
import io.shelfstream.protocols.event.ExternalDemand;
import io.shelfstream.protocols.mapping.Mapping;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemandSignalsLayoutTest {
  static final String HEADER =
      "date,product_id,external_demand,market_trend,competitor_price,weather_factor,"
          + "event_impact,social_sentiment";
  static final Map<String, String> ROW =
      row(HEADER, "2025-01-15,SKU-1,High,0.12,4.79,1.1,0.3,-0.2");
  static final Mapping DEMAND =
      Layout.DEMAND_SIGNALS.mapping(new LayoutOptions("market", ZoneId.of("Asia/Tokyo"), null));

  @Test
  void aRowIsADemandSignalForItsDate() {
    var signal = (DemandSignal) event(DEMAND, ROW);
    assertThat(signal.productId()).isEqualTo("SKU-1");
    assertThat(signal.externalDemand()).isEqualTo(ExternalDemand.HIGH);
    assertThat(signal.date()).isEqualTo(LocalDate.of(2025, 1, 15));
    assertThat(signal.marketTrend()).isEqualByComparingTo("0.12");
    assertThat(signal.competitorPrice()).isEqualByComparingTo("4.79");
    assertThat(signal.weatherFactor()).isEqualByComparingTo("1.1");
    assertThat(signal.eventImpact()).isEqualByComparingTo("0.3");
    assertThat(signal.socialSentiment()).isEqualByComparingTo(new BigDecimal("-0.2"));
    assertThat(signal.source()).isEqualTo("market");
  }

  @Test
  void theMeasuresAreOptional() {
    var row = with(without(ROW, "market_trend"), "social_sentiment", "");
    var signal = (DemandSignal) event(DEMAND, row);
    assertThat(signal.marketTrend()).isNull();
    assertThat(signal.socialSentiment()).isNull();
  }

  @Test
  void theDemandMustBeHighMediumOrLow() {
    assertThat(errors(DEMAND, with(ROW, "external_demand", "huge")))
        .singleElement(STRING)
        .startsWith("externalDemand (from external_demand): \"huge\" is not in the enum")
        .contains("high, low, medium");
  }

  @Test
  void trendAndSentimentMustBeWithinMinusOneAndOne() {
    var row = with(with(ROW, "market_trend", "1.5"), "social_sentiment", "-1.01");
    assertThat(errors(DEMAND, row))
        .extracting(error -> error.substring(0, error.indexOf(':')))
        .containsExactly(
            "marketTrend (from market_trend)", "socialSentiment (from social_sentiment)");
    assertThat(errors(DEMAND, with(ROW, "market_trend", "up")))
        .singleElement(STRING)
        .startsWith("marketTrend (from market_trend): must be a");
  }

  @Test
  void theBoundsThemselvesAreAccepted() {
    var row = with(with(ROW, "market_trend", "-1"), "social_sentiment", "1");
    assertThat(((DemandSignal) event(DEMAND, row)).socialSentiment()).isEqualByComparingTo("1");
  }

  @Test
  void missingRequiredColumnsAreNamed() {
    assertThat(Layout.DEMAND_SIGNALS.missingColumns(List.of("date", "product_id")))
        .containsExactly("external_demand");
    assertThat(errors(DEMAND, without(ROW, "product_id")))
        .containsExactly(
            "productId (from product_id): is required, and the record has no value for it");
  }
}
