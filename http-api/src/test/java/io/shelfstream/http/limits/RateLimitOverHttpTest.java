package io.shelfstream.http.limits;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client past its rate over a real socket: 429 with Retry-After, answered before its body is
 * read, while health probes still answer.
 */
class RateLimitOverHttpTest {
  private static final int BURST = 3;

  private static TestDatabase db;
  private static ShelfstreamNode node;
  private static String base;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.h2();
    node =
        ShelfstreamNode.start(
            TestNode.config(
                db.settings(),
                Files.createTempDirectory("shelfstream-rate-"),
                Map.of(
                    // a token every 100 s: the test's requests never see one come back
                    "shelfstream.api.rate-limit.requests-per-second",
                    0.01,
                    "shelfstream.api.rate-limit.burst",
                    BURST)));
    base = "http://127.0.0.1:" + node.httpAddress().getPort();
  }

  @AfterAll
  static void stop() {
    node.close();
    db.close();
  }

  @Test
  void aClientPastItsRateIsToldWhenToComeBackWhileProbesStillAnswer() throws Exception {
    for (int i = 0; i < BURST; i++) {
      assertThat(get("/v1/integrations").statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/v1/pos/events"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(sale("limited-1", "S001", "SKU-1", 2)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 100L));
    assertThat(refused.body())
        .contains("too many requests from 127.0.0.1")
        .contains("shelfstream.api.rate-limit")
        .contains("send it again");
    assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    // still limited: reads too count against the client
    assertThat(get("/v1/inventory/S001/SKU-1").statusCode()).isEqualTo(429);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
