package io.shelfstream.system.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.devkit.kafka.LocalKafkaBroker;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.system.testkit.Producer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Kafka integration with a mapping, against a real broker: nested orders fan out to one sale per
 * line item, resent orders count once, and a record that fails its mapping, or is not JSON, is a
 * dead letter naming its topic, partition, offset and every failed field. A bad mapping is refused
 * when the integration is created.
 */
class KafkaMappingTest {
  private static final String TOPIC = "shop.orders";

  static final String MAPPING =
      """
      {"each": "line_items", "fields": [
        {"target": "type", "transforms": [{"constant": "sale"}]},
        {"target": "eventId", "source": "order.id"},
        {"target": "occurredAt", "source": "order.created_at", "formats": ["iso"], "zone": "UTC"},
        {"target": "locationId", "source": "order.store"},
        {"target": "channel", "source": "order.channel", "enum": {"IN": "pos", "WEB": "online"}},
        {"target": "sku", "source": "line_items[].sku"},
        {"target": "qty", "source": "line_items[].quantity"},
        {"target": "unitPrice", "source": "line_items[].price.cents",
         "transforms": [{"multiply": 0.01}]}
      ]}""";

  private static String spec(LocalKafkaBroker broker, String mapping) {
    return "{\"type\":\"kafka\",\"bootstrap-servers\":\""
        + broker.bootstrapServers()
        + "\",\"topics\":{\"transactions\":\""
        + TOPIC
        + "\"},\"default-source\":\"shop\",\"mapping\":"
        + mapping
        + "}";
  }

  static String order(int n, String... lines) {
    return "{\"order\":{\"id\":\"o-"
        + n
        + "\",\"created_at\":\"2026-03-01T10:00:00+01:00\",\"store\":\"S1\",\"channel\":\"WEB\"},"
        + "\"line_items\":["
        + String.join(",", lines)
        + "]}";
  }

  static String line(String sku, Object quantity) {
    String qty = quantity instanceof String text ? "\"" + text + "\"" : String.valueOf(quantity);
    return "{\"sku\":\"" + sku + "\",\"quantity\":" + qty + ",\"price\":{\"cents\":250}}";
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void ordersFanOutToSalesAndBadRecordsAreDeadLettersNamingEveryField(String kind)
      throws Exception {
    Path dir = Files.createTempDirectory("shelfstream-kafka-mapping-");
    try (TestDatabase db = TestDatabase.create(kind);
        LocalKafkaBroker broker = LocalKafkaBroker.start(dir.resolve("kafka"), 0)) {
      broker.createTopic(TOPIC, 1);
      ShelfstreamNode node = TestNode.start(db.settings(), dir.resolve("node"));
      try {
        Api api = new Api(TestNode.baseUrl(node));
        var refused =
            api.send(
                "PUT",
                "/v1/integrations/orders",
                spec(broker, MAPPING.replace("line_items[].sku", "line_items..sku")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText())
            .isEqualTo("mapping.sku");
        assertThat(refused.json().get("errors").get(0).get("error").asText())
            .startsWith("bad path \"line_items..sku\"");
        assertThat(api.get("/v1/integrations/orders").status()).isEqualTo(404);

        assertThat(api.send("PUT", "/v1/integrations/orders", spec(broker, MAPPING)).status())
            .isEqualTo(200);
        List<String> records = new ArrayList<>();
        Map<String, Long> sold = new TreeMap<>();
        for (int n = 0; n < 200; n++) {
          records.add(order(n, line("A-" + (n % 7), 1 + n % 3), line("B-" + (n % 5), 2)));
          sold.merge("A-" + (n % 7), 1L + n % 3, Long::sum);
          sold.merge("B-" + (n % 5), 2L, Long::sum);
        }
        records.addAll(records.subList(0, 50)); // resent: duplicates, counted once
        records.add(order(900, line("C", 1), line("D", "three"), line("", -1)));
        records.add("not json {");
        Producer.produce(broker.bootstrapServers(), TOPIC, "k", records);

        Awaitility.await("the orders read")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> {
                  JsonNode status = api.get("/v1/integrations/orders").json();
                  return status.get("accepted").asLong() == 400
                      && status.get("duplicates").asLong() == 100
                      && status.get("rejected").asLong() == 2
                      && status.path("details").path("totalLag").asLong(-1) == 0;
                });
        sold.forEach(
            (sku, qty) ->
                assertThat(api.inventory("S1", sku).json().get("onHand").asLong())
                    .as("onHand of " + sku)
                    .isEqualTo(-qty));
        assertThat(api.inventory("S1", "C").status())
            .as("a record gives all its events or none")
            .isEqualTo(404);

        JsonNode letters = api.get("/v1/dead-letters?limit=10").json().get("deadLetters");
        assertThat(letters).hasSize(2);
        Map<String, JsonNode> byPosition = new TreeMap<>();
        letters.forEach(letter -> byPosition.put(letter.get("position").asText(), letter));
        JsonNode badOrder = byPosition.get("topic " + TOPIC + " partition 0 offset 250");
        assertThat(badOrder.get("channel").asText()).isEqualTo("kafka:orders");
        assertThat(badOrder.get("reason").asText())
            .contains("qty (from line_items[1].quantity): must be")
            .contains("sku (from line_items[2].sku): ")
            .contains("qty (from line_items[2].quantity): ");
        assertThat(badOrder.get("raw").asText()).isEqualTo(records.get(250));
        assertThat(
                byPosition.get("topic " + TOPIC + " partition 0 offset 251").get("reason").asText())
            .startsWith("record: not valid JSON");
      } finally {
        node.close();
      }
    }
  }
}
