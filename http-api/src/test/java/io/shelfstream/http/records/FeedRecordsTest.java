package io.shelfstream.http.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over real HTTP: a count's reservations show on the inventory record with what is available, and a
 * product's demand signals are kept one per date, the latest winning, across a restart.
 */
class FeedRecordsTest {
  private static final String COUNT =
      "{\"type\":\"count\",\"source\":\"erp\",\"eventId\":\"c-1\","
          + "\"occurredAt\":\"2025-01-15T07:00:00+01:00\",\"locationId\":\"S1\",\"sku\":\"A\","
          + "\"onHand\":40,\"reserved\":6,\"inTransit\":12}";
  private static final String SALE =
      "{\"type\":\"sale\",\"eventId\":\"s-1\",\"occurredAt\":\"2025-01-15T10:30:00+01:00\","
          + "\"locationId\":\"S1\",\"sku\":\"A\",\"qty\":3,\"channel\":\"online\","
          + "\"revenue\":59.97,\"customerSegment\":\"loyalty\",\"fulfillment\":\"pickup\"}";
  private static final String MORNING =
      demand("d-1", "2025-01-15T08:00:00+01:00", "low", "\"marketTrend\":0.1");
  private static final String EVENING =
      demand(
          "d-2",
          "2025-01-15T20:00:00+01:00",
          "high",
          "\"marketTrend\":-0.25,\"competitorPrice\":12.5,\"weatherFactor\":0.8,"
              + "\"eventImpact\":2,\"socialSentiment\":1");
  private static final String NEXT_DAY =
      demand("d-3", "2025-01-16T00:00:00+01:00", "medium", "\"marketTrend\":0");

  private static String demand(String id, String at, String level, String measures) {
    return "{\"type\":\"demand\",\"source\":\"market\",\"eventId\":\""
        + id
        + "\",\"occurredAt\":\""
        + at
        + "\",\"productId\":\"P1\",\"externalDemand\":\""
        + level
        + "\","
        + measures
        + "}";
  }

  private static String body(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void reservationsAndDemandSignalsAreServedAndSurviveARestart(String kind) throws Exception {
    Path data = Files.createTempDirectory("shelfstream-feeds-");
    try (TestDatabase db = TestDatabase.create(kind)) {
      try (ShelfstreamNode node =
          ShelfstreamNode.start(TestNode.config(db.settings(), data, Map.of()))) {
        Api api = new Api(TestNode.baseUrl(node));
        JsonNode first = api.postNdjson(body(List.of(COUNT, SALE, EVENING, NEXT_DAY))).json();
        assertThat(first.get("accepted").asLong()).as(first.toString()).isEqualTo(4);
        String bad = MORNING.replace("\"low\"", "\"LOW\"").replace("0.1", "1.5");
        JsonNode second = api.postNdjson(body(List.of(MORNING, EVENING, bad))).json();
        assertThat(second.get("accepted").asLong()).as(second.toString()).isEqualTo(1);
        assertThat(second.get("duplicates").asLong()).isEqualTo(1);
        assertThat(second.get("rejected").asLong()).isEqualTo(1);
        assertThat(second.get("errors").toString())
            .contains("externalDemand: must be one of high, medium, low, got \\\"LOW\\\"")
            .contains("marketTrend: must be a number from -1 to 1, got 1.5");

        assertRecords(api);
      }
      try (ShelfstreamNode node =
          ShelfstreamNode.start(TestNode.config(db.settings(), data, Map.of()))) {
        Api api = new Api(TestNode.baseUrl(node));
        assertRecords(api);
        JsonNode again = api.postNdjson(body(List.of(COUNT, MORNING, NEXT_DAY))).json();
        assertThat(again.get("duplicates").asLong()).as(again.toString()).isEqualTo(3);
      }
    }
  }

  private static void assertRecords(Api api) {
    Api.Reply inventory = api.inventory("S1", "A");
    assertThat(inventory.status()).isEqualTo(200);
    JsonNode record = inventory.json();
    assertThat(record.get("onHand").asLong()).isEqualTo(37);
    assertThat(record.get("reserved").asLong()).isEqualTo(6);
    assertThat(record.get("available").asLong()).isEqualTo(31);
    assertThat(record.get("inTransit").asLong()).isEqualTo(12);
    JsonNode count = record.path("provenance").path("count");
    assertThat(count.get("eventId").asText()).isEqualTo("c-1");
    assertThat(count.get("reserved").asLong()).isEqualTo(6);
    assertThat(count.get("inTransit").asLong()).isEqualTo(12);

    Api.Reply demand = api.get("/v1/products/P1/demand-signals");
    assertThat(demand.status()).as(demand.body()).isEqualTo(200);
    JsonNode signals = demand.json();
    assertThat(signals.get("productId").asText()).isEqualTo("P1");
    assertThat(signals.get("signals")).hasSize(2);
    JsonNode day1 = signals.get("signals").get(0);
    assertThat(day1.get("date").asText()).isEqualTo("2025-01-15");
    assertThat(day1.get("externalDemand").asText())
        .as("the evening's, the latest")
        .isEqualTo("high");
    assertThat(day1.get("marketTrend").decimalValue()).isEqualByComparingTo("-0.25");
    assertThat(day1.get("competitorPrice").decimalValue()).isEqualByComparingTo("12.5");
    assertThat(day1.get("weatherFactor").decimalValue()).isEqualByComparingTo("0.8");
    assertThat(day1.get("eventImpact").decimalValue()).isEqualByComparingTo("2");
    assertThat(day1.get("socialSentiment").decimalValue()).isEqualByComparingTo("1");
    assertThat(day1.get("provenance").get("source").asText()).isEqualTo("market");
    assertThat(day1.get("provenance").get("eventId").asText()).isEqualTo("d-2");
    assertThat(day1.get("provenance").get("occurredAt").asText())
        .isEqualTo("2025-01-15T20:00:00+01:00");
    JsonNode day2 = signals.get("signals").get(1);
    assertThat(day2.get("date").asText()).isEqualTo("2025-01-16");
    assertThat(day2.get("externalDemand").asText()).isEqualTo("medium");
    assertThat(day2.get("competitorPrice").isNull()).isTrue();

    Api.Reply none = api.get("/v1/products/P404/demand-signals");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().get("error").asText()).isEqualTo("no demand signals for product P404");
  }
}
