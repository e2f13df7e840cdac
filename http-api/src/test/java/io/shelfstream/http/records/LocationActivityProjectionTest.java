package io.shelfstream.http.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The location-activity projection follows the journal while many requests write at once, and
 * counts every event exactly once: its totals equal what was accepted, per location.
 */
class LocationActivityProjectionTest {
  private static final int REQUESTS = 6;
  private static final int LINES = 1500;
  private static final int LOCATIONS = 12;

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void theReadModelMissesNoEventWrittenConcurrently(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node =
            TestNode.start(db.settings(), Files.createTempDirectory("shelfstream-projection-"))) {
      Api api = new Api(TestNode.baseUrl(node));
      Map<String, Long> sold = new HashMap<>();
      Map<String, Long> received = new HashMap<>();
      List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
      for (int r = 0; r < REQUESTS; r++) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
          String location = "A" + ((i * 7 + r) % LOCATIONS);
          boolean sale = i % 3 != 0;
          int qty = 1 + (i % 4);
          (sale ? sold : received).merge(location, (long) qty, Long::sum);
          body.append("{\"type\":\"")
              .append(sale ? "sale" : "receipt")
              .append("\",\"eventId\":\"r")
              .append(r)
              .append('-')
              .append(i)
              .append("\",\"occurredAt\":\"2026-03-02T10:00:00Z\",\"locationId\":\"")
              .append(location)
              .append("\",\"sku\":\"K")
              .append(i % 97)
              .append("\",\"qty\":")
              .append(qty)
              .append("}\n");
        }
        replies.add(CompletableFuture.supplyAsync(() -> api.postNdjson(body.toString()).json()));
      }
      for (var reply : replies) {
        assertThat(reply.get(120, TimeUnit.SECONDS).get("accepted").asLong()).isEqualTo(LINES);
      }

      Awaitility.await("the projection caught up")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                long events = 0;
                for (int l = 0; l < LOCATIONS; l++) {
                  JsonNode activity = api.get("/v1/locations/A" + l + "/activity").json();
                  events += activity.path("events").asLong(0);
                }
                return events >= REQUESTS * LINES;
              });
      long events = 0;
      for (int l = 0; l < LOCATIONS; l++) {
        String location = "A" + l;
        JsonNode activity = api.get("/v1/locations/" + location + "/activity").json();
        assertThat(activity.get("unitsSold").asLong())
            .as(location + " sold")
            .isEqualTo(sold.getOrDefault(location, 0L));
        assertThat(activity.get("unitsReceived").asLong())
            .as(location + " received")
            .isEqualTo(received.getOrDefault(location, 0L));
        events += activity.get("events").asLong();
      }
      assertThat(events).as("every event exactly once").isEqualTo(REQUESTS * LINES);
      assertThat(api.get("/v1/locations/nowhere/activity").status()).isEqualTo(404);
    }
  }
}
