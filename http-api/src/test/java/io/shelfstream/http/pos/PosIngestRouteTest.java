package io.shelfstream.http.pos;

import static io.shelfstream.http.testkit.PosJson.count;
import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/pos/events over real HTTP on loopback. */
class PosIngestRouteTest {
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

  @Test
  void countsEveryLineAndNamesEachBadOneWithoutFailingTheOthers() throws Exception {
    var body = new ByteArrayOutputStream();
    List<String> lines =
        List.of(
            count("c1", "R1", "A", 20, "2026-03-01T08:00:00Z"), // 1
            sale("s1", "R1", "A", 3), // 2
            sale("s1", "R1", "A", 3), // 3 duplicate
            "", // 4 blank: skipped
            "{\"type\":\"sale\",\"eventId\":\"bad1\"}", // 5 missing fields
            "[1,2,3]", // 6 not an object
            "{\"type\":\"sale\",", // 7 not JSON
            "{\"type\":\"teleport\",\"eventId\":\"t\",\"occurredAt\":\"2026-03-01T09:00:00Z\"}", // 8
            "{\"type\":\"sale\",\"eventId\":\"big\",\"pad\":\""
                + "x".repeat(70_000)
                + "\"}", // 9 overlong
            sale("s2", "R1", "A", 1)); // 11 (10 is bad UTF-8)
    for (int i = 0; i < lines.size(); i++) {
      if (i == 9) {
        body.write(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'}); // line 10
      }
      body.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    var reply = api.postNdjson(body.toByteArray());

    assertThat(reply.status()).isEqualTo(200);
    JsonNode json = reply.json();
    assertThat(json.get("accepted").asLong()).isEqualTo(3);
    assertThat(json.get("duplicates").asLong()).isEqualTo(1);
    assertThat(json.get("rejected").asLong()).isEqualTo(6);
    assertThat(json.get("failed").asLong()).isZero();
    List<Integer> errorLines = new ArrayList<>();
    json.get("errors").forEach(error -> errorLines.add(error.get("line").asInt()));
    assertThat(errorLines).containsExactly(5, 6, 7, 8, 9, 10);
    assertThat(json.get("errors").get(0).get("eventId").asText()).isEqualTo("bad1");
    assertThat(json.get("errors").get(0).get("error").asText())
        .contains("occurredAt: is required", "locationId: is required", "qty: is required");
    assertThat(json.get("errors").get(3).get("error").asText()).startsWith("type: must be one of");
    assertThat(json.get("errors").get(4).get("error").asText())
        .isEqualTo("line: longer than 65536 bytes (" + lines.get(8).length() + " bytes)");
    assertThat(json.get("errors").get(5).get("error").asText()).isEqualTo("line: not valid UTF-8");

    assertThat(api.inventory("R1", "A").json().get("onHand").asLong()).isEqualTo(16);

    JsonNode letters = api.get("/v1/dead-letters?limit=6").json().get("deadLetters");
    assertThat(letters).hasSize(6);
    assertThat(letters.get(0).get("position").asText()).isEqualTo("line 10");
    assertThat(letters.get(0).get("raw").asText()).isEqualTo("hex:7b22c328227d");
    assertThat(letters.get(1).get("raw").asText()).hasSize(65536);
    assertThat(letters.get(5).get("raw").asText())
        .isEqualTo("{\"type\":\"sale\",\"eventId\":\"bad1\"}");
    assertThat(letters.get(5).get("channel").asText()).isEqualTo("http:pos");
  }

  @Test
  void reportsTheFirstHundredErrorsAndCountsThemAll() {
    String body = String.join("\n", IntStream.range(0, 150).mapToObj(i -> "oops " + i).toList());
    var json = api.postNdjson(body).json();
    assertThat(json.get("rejected").asLong()).isEqualTo(150);
    assertThat(json.get("errors")).hasSize(100);
    assertThat(json.get("errors").get(99).get("line").asInt()).isEqualTo(100);
  }

  @Test
  void anotherContentTypeIsRefused() {
    var reply = api.post("/v1/pos/events", "application/json", sale("x", "R9", "A", 1));
    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.json().get("error").asText()).contains("application/x-ndjson");
    assertThat(api.inventory("R9", "A").status()).isEqualTo(404);
  }

  @Test
  void concurrentRequestsWithOverlappingEventsCountEachEventOnce() throws Exception {
    // four requests, each with the same 500 sales plus 250 of its own
    List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      int request = r;
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 500; i++) {
        body.append(sale("shared-" + i, "C" + (i % 20), "SKU", 1)).append('\n');
      }
      for (int i = 0; i < 250; i++) {
        body.append(sale("own-" + request + "-" + i, "C" + (i % 20), "SKU", 1)).append('\n');
      }
      replies.add(CompletableFuture.supplyAsync(() -> api.postNdjson(body.toString()).json()));
    }
    long accepted = 0;
    long duplicates = 0;
    for (var reply : replies) {
      JsonNode json = reply.get(120, TimeUnit.SECONDS);
      accepted += json.get("accepted").asLong();
      duplicates += json.get("duplicates").asLong();
    }
    assertThat(accepted).isEqualTo(500 + 4 * 250);
    assertThat(duplicates).isEqualTo(3 * 500);
    long total = 0;
    for (int location = 0; location < 20; location++) {
      total += api.inventory("C" + location, "SKU").json().get("onHand").asLong();
    }
    assertThat(total).isEqualTo(-(500 + 4 * 250));
  }

  @Test
  void unknownRecordsAre404AndIdentifiersAreDecoded() {
    assertThat(api.inventory("nowhere", "nothing").status()).isEqualTo(404);
    assertThat(api.store("no-store").json().get("error").asText())
        .isEqualTo("no record for store no-store");
    api.postNdjson(sale("sp1", "Store 7", "SKU/42 blue", 2));
    var view = api.inventory("Store 7", "SKU/42 blue").json();
    assertThat(view.get("locationId").asText()).isEqualTo("Store 7");
    assertThat(view.get("sku").asText()).isEqualTo("SKU/42 blue");
    assertThat(view.get("onHand").asLong()).isEqualTo(-2);
    assertThat(view.get("negative").asBoolean()).isTrue();
  }

  @Test
  void deadLetterLimitIsValidated() {
    assertThat(api.get("/v1/dead-letters?limit=0").status()).isEqualTo(400);
    assertThat(api.get("/v1/dead-letters?limit=abc").json().get("error").asText())
        .contains("limit");
  }

  @Test
  void healthSaysUp() {
    var reply = api.get("/health");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("up");
  }
}
