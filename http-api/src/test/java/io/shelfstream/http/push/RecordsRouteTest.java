package io.shelfstream.http.push;

import static io.shelfstream.http.push.Orders.line;
import static io.shelfstream.http.push.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/integrations/{id}/records to an http integration, over real HTTP on loopback. */
class RecordsRouteTest {
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

  private static void create(String id) {
    var created =
        api.send(
            "PUT",
            "/v1/integrations/" + id,
            "{\"type\":\"http\",\"default-source\":\"shop\",\"mapping\":" + Orders.MAPPING + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().get("type").asText()).isEqualTo("http");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> status(id).get("state").asText().equals("running"));
  }

  private static JsonNode status(String id) {
    return api.get("/v1/integrations/" + id).json();
  }

  private static Api.Reply post(String id, String contentType, String body) {
    return api.post("/v1/integrations/" + id + "/records", contentType, body);
  }

  private static long onHand(String store, String sku) {
    return api.inventory(store, sku).json().get("onHand").asLong();
  }

  @Test
  void aJsonArrayIsMappedAndEachBadRecordIsNamedWithEveryFailedField() {
    create("shop-orders");
    String body =
        "["
            + order("o-1", "S1", line("A", 1), line("B", 3))
            + ","
            + order("o-2", "S1", line("A", 2))
            + ","
            + order("o-3", "S1", line("C", 1), line("D", "three"), line("", -1))
            + ","
            + "{\"order\": 7}"
            + "]";
    var reply = post("shop-orders", "application/json", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode answer = reply.json();
    assertThat(answer.get("accepted").asLong()).isEqualTo(3);
    assertThat(answer.get("duplicates").asLong()).isZero();
    assertThat(answer.get("rejected").asLong()).isEqualTo(2);
    assertThat(answer.get("failed").asLong()).isZero();
    JsonNode errors = answer.get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("record").asLong()).isEqualTo(2);
    assertThat(errors.get(0).get("error").asText())
        .contains("qty (from line_items[1].quantity): must be")
        .contains("sku (from line_items[2].sku): ")
        .contains("qty (from line_items[2].quantity): ");
    assertThat(errors.get(1).get("record").asLong()).isEqualTo(3);
    assertThat(errors.get(1).get("error").asText()).contains("each (from line_items)");

    assertThat(onHand("S1", "A")).isEqualTo(-3);
    assertThat(onHand("S1", "B")).isEqualTo(-3);
    assertThat(api.inventory("S1", "C").status()).as("all of a record or none").isEqualTo(404);

    var resent = post("shop-orders", "application/json", body).json();
    assertThat(resent.get("accepted").asLong()).isZero();
    assertThat(resent.get("duplicates").asLong()).isEqualTo(3);
    assertThat(onHand("S1", "A")).isEqualTo(-3);

    JsonNode status = status("shop-orders");
    assertThat(status.get("accepted").asLong()).isEqualTo(3);
    assertThat(status.get("duplicates").asLong()).isEqualTo(3);
    assertThat(status.get("rejected").asLong()).isEqualTo(4);
    assertThat(status.get("details").get("records").asText())
        .isEqualTo("POST /v1/integrations/shop-orders/records");

    List<String> positions = new ArrayList<>();
    api.get("/v1/dead-letters?limit=100")
        .json()
        .get("deadLetters")
        .forEach(
            letter -> {
              if (letter.get("channel").asText().equals("http:shop-orders")) {
                positions.add(letter.get("position").asText());
              }
            });
    assertThat(positions).containsExactlyInAnyOrder("record 2", "record 3", "record 2", "record 3");
  }

  @Test
  void aMappingThatHashesIsRefusedByANodeWithoutAPiiKey() {
    String mapping =
        Orders.MAPPING.replace(
            "{\"target\": \"type\",",
            "{\"target\": \"customerSegment\", \"source\": \"email\", \"pii\": \"hash\"},"
                + " {\"target\": \"type\",");

    var put =
        api.send(
            "PUT", "/v1/integrations/hashing", "{\"type\":\"http\",\"mapping\":" + mapping + "}");
    var tested =
        api.post(
            "/v1/mappings/test",
            "application/json",
            "{\"mapping\":" + mapping + ",\"records\":[" + order("o-1", "S1", line("A", 1)) + "]}");

    for (var refused : List.of(put, tested)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      JsonNode error = refused.json().get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo("mapping.customerSegment");
      assertThat(error.get("error").asText())
          .contains("needs the node's HMAC key")
          .contains("shelfstream.pii.hmac-key");
    }
    assertThat(api.get("/v1/integrations/hashing").status()).isEqualTo(404);
  }

  @Test
  void ndjsonErrorsNameTheirLineAndABodyOfThousandsStreamsThrough() {
    create("ndjson-orders");
    var reply =
        post(
            "ndjson-orders",
            "application/x-ndjson",
            order("n-1", "S2", line("A", 1))
                + "\n\n"
                + "not json\n"
                + order("n-2", "S2", line("A", 4)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("accepted").asLong()).isEqualTo(2);
    assertThat(reply.json().get("errors").get(0).get("line").asLong()).isEqualTo(3);
    assertThat(reply.json().get("errors").get(0).get("error").asText())
        .startsWith("record: not valid JSON");
    assertThat(onHand("S2", "A")).isEqualTo(-5);

    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      many.append(order("m-" + i, "S3", line("X-" + (i % 10), 1), line("Y", 2))).append('\n');
    }
    var bulk = post("ndjson-orders", "application/x-ndjson", many.toString());
    assertThat(bulk.status()).isEqualTo(200);
    assertThat(bulk.json().get("accepted").asLong()).isEqualTo(10_000);
    assertThat(onHand("S3", "Y")).isEqualTo(-10_000);
    assertThat(onHand("S3", "X-7")).isEqualTo(-500);
  }

  @Test
  void aMalformedArrayIsAnsweredUpToWhereItBroke() {
    create("broken");
    var reply =
        post(
            "broken",
            "application/json",
            "[" + order("b-1", "S4", line("A", 1)) + ", 5, " + order("b-2", "S4", line("A", 1)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).startsWith("the body is not a JSON array");
    assertThat(reply.json().get("accepted").asLong()).isEqualTo(1);
    assertThat(onHand("S4", "A")).isEqualTo(-1);
  }

  @Test
  void onlyRunningHttpIntegrationsTakeRecords() {
    assertThat(post("nobody", "application/json", "[]").status()).isEqualTo(404);

    var kafka =
        api.send(
            "PUT",
            "/v1/integrations/a-kafka",
            "{\"type\":\"kafka\",\"bootstrap-servers\":\"127.0.0.1:1\","
                + "\"topics\":{\"transactions\":\"t\"}}");
    assertThat(kafka.status()).isEqualTo(200);
    var notHttp = post("a-kafka", "application/json", "[]");
    assertThat(notHttp.status()).isEqualTo(409);
    assertThat(notHttp.json().get("error").asText()).contains("is of type kafka");
    api.send("DELETE", "/v1/integrations/a-kafka", "");

    create("paused-orders");
    api.post("/v1/integrations/paused-orders/pause", "application/json", "");
    var paused =
        post("paused-orders", "application/json", "[" + order("p", "S5", line("A", 1)) + "]");
    assertThat(paused.status()).isEqualTo(409);
    assertThat(paused.json().get("error").asText()).contains("is paused");
    assertThat(api.inventory("S5", "A").status()).isEqualTo(404);

    api.post("/v1/integrations/paused-orders/resume", "application/json", "");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> status("paused-orders").get("state").asText().equals("running"));
    var csv = post("paused-orders", "text/csv", "a,b");
    assertThat(csv.status()).isEqualTo(415);
    assertThat(csv.json().get("error").asText()).contains("application/x-ndjson");
  }

  @Test
  void aBadMappingOrNoneIsRefusedWhenTheIntegrationIsCreated() {
    var bad =
        api.send(
            "PUT",
            "/v1/integrations/bad-http",
            "{\"type\":\"http\",\"mapping\":"
                + Orders.MAPPING.replace("\"formats\": [\"iso\"], ", "")
                + "}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asText())
        .isEqualTo("mapping.occurredAt");
    assertThat(bad.json().get("errors").get(0).get("error").asText())
        .startsWith("a timestamp needs \"formats\"");

    var none = api.send("PUT", "/v1/integrations/bad-http", "{\"type\":\"http\"}");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("errors").get(0).get("field").asText()).isEqualTo("mapping");
    assertThat(api.get("/v1/integrations/bad-http").status()).isEqualTo(404);
  }
}
