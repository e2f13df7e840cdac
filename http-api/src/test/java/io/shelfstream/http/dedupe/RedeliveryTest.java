package io.shelfstream.http.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A source that redelivers a month of history, long after the entities forgot its ids (their memory
 * here is an hour and two ids per SKU), after a restart and from snapshots: every event is a
 * duplicate, and the read model counts each distinct event once.
 */
class RedeliveryTest {
  private static final int LOCATIONS = 3;
  private static final int SKUS = 4;
  private static final int DAYS = 30;
  private static final Instant DAY_1 = Instant.parse("2026-03-01T07:00:00Z");
  private static final Map<String, Object> FORGETFUL =
      Map.of(
          "shelfstream.golden-record.dedupe.window", "1h",
          "shelfstream.golden-record.dedupe.max-ids", 2,
          "shelfstream.golden-record.snapshot-every", 5,
          "shelfstream.golden-record.snapshot-bytes-per-event", 0);

  private record History(List<String> lines, Map<String, Long> unitsSold) {}

  /** Each SKU at each location: a count every morning, then sales through the day. */
  private static History history() {
    List<String> lines = new ArrayList<>();
    Map<String, Long> sold = new HashMap<>();
    for (int day = 0; day < DAYS; day++) {
      Instant morning = DAY_1.plus(Duration.ofDays(day));
      for (int l = 0; l < LOCATIONS; l++) {
        String location = "R" + l;
        for (int k = 0; k < SKUS; k++) {
          String sku = "K" + k;
          lines.add(
              "{\"type\":\"count\",\"source\":\"erp\",\"eventId\":\"c-%s-%s-%d\",\"occurredAt\":\"%s\",\"locationId\":\"%s\",\"sku\":\"%s\",\"onHand\":50}"
                  .formatted(location, sku, day, morning, location, sku));
          for (int hour = 1; hour <= 6; hour++) {
            int qty = 1 + (day + hour + k) % 3;
            sold.merge(location, (long) qty, Long::sum);
            lines.add(
                "{\"type\":\"sale\",\"eventId\":\"s-%s-%s-%d-%d\",\"occurredAt\":\"%s\",\"locationId\":\"%s\",\"sku\":\"%s\",\"qty\":%d}"
                    .formatted(
                        location,
                        sku,
                        day,
                        hour,
                        morning.plus(Duration.ofHours(hour)),
                        location,
                        sku,
                        qty));
          }
        }
      }
    }
    return new History(lines, sold);
  }

  private static String body(List<String> lines, long seed) {
    List<String> shuffled = new ArrayList<>(lines);
    Collections.shuffle(shuffled, new Random(seed));
    return String.join("\n", shuffled) + "\n";
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aMonthRedeliveredAfterARestartIsAllDuplicatesAndCountedOnce(String kind) throws Exception {
    History history = history();
    int events = history.lines().size();
    Path data = Files.createTempDirectory("shelfstream-redelivery-");
    try (TestDatabase db = TestDatabase.create(kind)) {
      try (ShelfstreamNode node =
          ShelfstreamNode.start(TestNode.config(db.settings(), data, FORGETFUL))) {
        Api api = new Api(TestNode.baseUrl(node));
        JsonNode first = api.postNdjson(body(history.lines(), 1)).json();
        assertThat(first.get("accepted").asLong()).isEqualTo(events);
        JsonNode again = api.postNdjson(body(history.lines(), 2)).json();
        assertThat(again.get("duplicates").asLong()).isEqualTo(events);
      }
      try (ShelfstreamNode node =
          ShelfstreamNode.start(TestNode.config(db.settings(), data, FORGETFUL))) {
        Api api = new Api(TestNode.baseUrl(node));
        JsonNode redelivered = api.postNdjson(body(history.lines(), 3)).json();
        assertThat(redelivered.get("duplicates").asLong()).isEqualTo(events);
        assertThat(redelivered.get("accepted").asLong()).isZero();

        Awaitility.await("the read model caught up")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> countedEvents(api) >= events);
        for (int l = 0; l < LOCATIONS; l++) {
          JsonNode activity = api.get("/v1/locations/R" + l + "/activity").json();
          assertThat(activity.get("unitsSold").asLong())
              .as("R%d: each distinct sale once", l)
              .isEqualTo(history.unitsSold().get("R" + l));
        }
        assertThat(countedEvents(api)).isEqualTo(events);
      }
    }
  }

  private static long countedEvents(Api api) {
    long counted = 0;
    for (int l = 0; l < LOCATIONS; l++) {
      counted += api.get("/v1/locations/R" + l + "/activity").json().path("events").asLong(0);
    }
    return counted;
  }
}
