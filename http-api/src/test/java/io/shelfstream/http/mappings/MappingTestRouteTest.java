package io.shelfstream.http.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/mappings/test over real HTTP on loopback: answers, never ingests. */
class MappingTestRouteTest {
  private static final String ORDERS =
      """
      {"each": "line_items", "fields": [
        {"target": "type", "transforms": [{"constant": "sale"}]},
        {"target": "eventId", "source": "order.id"},
        {"target": "occurredAt", "source": "order.created_at", "formats": ["iso"], "zone": "UTC"},
        {"target": "locationId", "source": "order.store"},
        {"target": "sku", "source": "line_items[].sku"},
        {"target": "qty", "source": "line_items[].quantity"}
      ]}""";

  private static TestDatabase db;
  private static ShelfstreamNode node;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.h2();
    node = TestNode.start(db.settings(), Files.createTempDirectory("shelfstream-node-"));
    api = new Api(TestNode.baseUrl(node));
  }

  @AfterAll
  static void stop() {
    node.close();
    db.close();
  }

  private static Api.Reply test(String body) {
    return api.post("/v1/mappings/test", "application/json", body);
  }

  @Test
  void eachRecordGivesItsEventsAsWireJsonOrItsErrorsAndNothingIsIngested() {
    var reply =
        test(
            "{\"mapping\": "
                + ORDERS
                + ", \"source\": \"shop\", \"records\": ["
                + "{\"order\": {\"id\": \"o-7\", \"created_at\": \"2026-03-01T10:00:00+01:00\","
                + " \"store\": \"T1\"}, \"line_items\": [{\"sku\": \"A\", \"quantity\": 1},"
                + " {\"sku\": \"B\", \"quantity\": 3}]},"
                + "{\"order\": {\"id\": \"o-8\", \"store\": \"T1\"},"
                + " \"line_items\": [{\"sku\": \"A\", \"quantity\": \"lots\"}]}"
                + "]}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode answer = reply.json();
    assertThat(answer.get("mapped").asInt()).isEqualTo(1);
    assertThat(answer.get("failed").asInt()).isEqualTo(1);
    JsonNode events = answer.get("results").get(0).get("events");
    assertThat(events.get(0).toString())
        .isEqualTo(
            "{\"type\":\"sale\",\"eventId\":\"o-7:0\",\"occurredAt\":\"2026-03-01T10:00:00+01:00\","
                + "\"source\":\"shop\",\"locationId\":\"T1\",\"sku\":\"A\",\"qty\":1}");
    assertThat(events.get(1).get("eventId").asText()).isEqualTo("o-7:1");
    List<String> errors = new ArrayList<>();
    answer
        .get("results")
        .get(1)
        .get("errors")
        .forEach(
            error ->
                errors.add(
                    error.get("target").asText()
                        + " (from "
                        + error.get("source").asText()
                        + "): "
                        + error.get("reason").asText()));
    assertThat(errors)
        .containsExactlyInAnyOrder(
            "occurredAt (from order.created_at): is required",
            "qty (from line_items[0].quantity): must be an integer, got \"lots\"");
    assertThat(api.inventory("T1", "A").status()).isEqualTo(404);
  }

  @Test
  void aLayoutIsTestedOnCsvRows() {
    var reply =
        test(
            """
            {"layout": "sales", "source": "sales-feed",
             "options": {"zone": "Europe/Paris", "locationId": "WEB"},
             "rows": [
               {"date": "2025-01-15T10:30:00", "product_id": "SKU-1", "channel": "online",
                "quantity_sold": "3", "revenue": "59.97", "customer_segment": "loyalty",
                "promotion_code": "", "fulfillment_method": "ship_from_store"},
               {"date": "2025-01-15", "product_id": "SKU-2", "channel": "fax",
                "quantity_sold": "0", "revenue": "1"}
             ]}""");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode sale = reply.json().get("results").get(0).get("events").get(0);
    assertThat(sale.get("occurredAt").asText()).isEqualTo("2025-01-15T10:30:00+01:00");
    assertThat(sale.get("locationId").asText()).isEqualTo("WEB");
    assertThat(sale.get("revenue").decimalValue()).isEqualByComparingTo("59.97");
    assertThat(sale.get("customerSegment").asText()).isEqualTo("loyalty");
    assertThat(sale.has("promotionCode")).isFalse();
    assertThat(sale.get("fulfillment").asText()).isEqualTo("ship_from_store");
    assertThat(sale.get("eventId").asText()).startsWith("mapped:");
    List<String> targets = new ArrayList<>();
    reply
        .json()
        .get("results")
        .get(1)
        .get("errors")
        .forEach(error -> targets.add(error.get("target").asText()));
    assertThat(targets).containsExactlyInAnyOrder("channel", "qty");
  }

  @Test
  void anInvalidMappingOrRequestIsA400NamingEachProblem() {
    var invalid =
        test(
            "{\"mapping\": "
                + ORDERS.replace("line_items[].sku", "line_items..sku")
                + ", \"records\": [{}]}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("error").asText()).isEqualTo("invalid mapping");
    assertThat(invalid.json().get("errors").get(0).get("field").asText()).isEqualTo("mapping.sku");

    var noLocation =
        test("{\"layout\": \"sales\", \"options\": {\"zone\": \"UTC\"}, \"rows\": [{}]}");
    assertThat(noLocation.status()).isEqualTo(400);
    assertThat(noLocation.json().get("errors").get(0).get("error").asText())
        .startsWith("locationId: is required for the sales layout");

    var badRow =
        test(
            "{\"layout\": \"inventory\", \"options\": {\"zone\": \"UTC\"},"
                + " \"rows\": [{\"stock_level\": 4}], \"recods\": 1}");
    assertThat(badRow.status()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    badRow.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("recods", "rows[0].stock_level");

    assertThat(
            test("{\"layout\": \"sale\", \"options\": {\"zone\": \"UTC\"}, \"rows\": [{}]}")
                .json()
                .get("errors")
                .get(0)
                .get("error")
                .asText())
        .contains("must be one of sales, inventory, demand-signals");
    assertThat(test("not json").status()).isEqualTo(400);
  }

  @Test
  void theBodyIsCapped() {
    String big =
        "{\"records\": [{\"pad\": \"" + "x".repeat(MappingTestRoute.MAX_BODY_BYTES) + "\"}]}";
    assertThat(test(big).status()).isEqualTo(413);
  }
}
