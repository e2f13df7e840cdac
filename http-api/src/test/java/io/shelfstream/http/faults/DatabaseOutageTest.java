package io.shelfstream.http.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TcpProxy;
import io.shelfstream.persistence.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The journal's PostgreSQL goes away for longer than the circuit breakers' windows, under a trickle
 * of writes that resend on 503: readiness says so within about a second, writes fail at once with
 * the reason, and once the database is back writes are accepted again within seconds, with nothing
 * acknowledged missing. The outage lasts {@code SHELFSTREAM_TEST_OUTAGE} (35s by default).
 */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL_ENV, matches = ".+")
class DatabaseOutageTest {
  private static final Duration OUTAGE =
      Duration.parse("PT" + System.getenv().getOrDefault("SHELFSTREAM_TEST_OUTAGE", "35s"));
  private static final Duration READINESS_FOLLOWS_WITHIN = Duration.ofSeconds(3);
  private static final Duration WRITES_RESUME_WITHIN = Duration.ofSeconds(10);

  @Test
  void ingestionResumesWithinSecondsOfTheDatabasesReturn() throws Exception {
    try (TestDatabase db = TestDatabase.postgres();
        TcpProxy proxy = TcpProxy.toDatabaseOf(db.settings());
        ShelfstreamNode node =
            ShelfstreamNode.start(
                TestNode.config(
                    proxy.inFrontOf(db.settings()),
                    Files.createTempDirectory("shelfstream-outage-"),
                    Map.of()))) {
      var api = new Api(TestNode.baseUrl(node));
      assertThat(api.get("/health/ready").status()).isEqualTo(200);
      var writer =
          new ResendingWriter(
              TestNode.baseUrl(node), Duration.ofMillis(100), 3000, OUTAGE.plusSeconds(60));
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledgedBodies() >= 10);

        proxy.cut();
        long cutAt = System.nanoTime();
        await()
            .atMost(READINESS_FOLLOWS_WITHIN)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> api.get("/health/ready").status() == 503);
        long healthAsked = System.nanoTime();
        Api.Reply health = api.get("/health");
        assertThat(Duration.ofNanos(System.nanoTime() - healthAsked))
            .as("health answers from the probe's state, without waiting for the database")
            .isLessThan(Duration.ofSeconds(1));
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("reason").asText())
            .startsWith("journal database unreachable since ");
        assertThat(api.get("/health/live").status())
            .as("the process still serves HTTP")
            .isEqualTo(200);
        // Reads start entities whose recovery fails while the database is away, as any source
        // that writes without the HTTP gate (Kafka) does: their snapshot loads trip the snapshot
        // store's circuit breaker, which is what held ingestion up to a minute after the outage.
        HttpClient reader = HttpClient.newHttpClient();
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          URI record = URI.create(TestNode.baseUrl(node) + "/v1/inventory/R" + i + "/sku");
          reads.add(
              reader
                  .sendAsync(
                      HttpRequest.newBuilder(record)
                          .header("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
                          .timeout(Duration.ofSeconds(40))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .handle((answered, failed) -> null));
        }

        await()
            .pollDelay(OUTAGE.minusNanos(System.nanoTime() - cutAt))
            .atMost(OUTAGE.plusSeconds(5))
            .until(() -> true);
        proxy.restore();
        long restoredAt = System.nanoTime();

        await()
            .atMost(READINESS_FOLLOWS_WITHIN)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> api.get("/health/ready").status() == 200);
        int before = writer.acknowledgedBodies();
        await()
            .atMost(WRITES_RESUME_WITHIN)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> writer.acknowledgedBodies() > before);
        long resumedAfter = System.nanoTime() - restoredAt;

        List<ResendingWriter.Answer> duringOutage =
            writer.answers().stream()
                .filter(
                    answer ->
                        answer.at() > cutAt + READINESS_FOLLOWS_WITHIN.toNanos()
                            && answer.at() < restoredAt)
                .toList();
        assertThat(duringOutage)
            .as("writes went on during the outage")
            .hasSizeGreaterThan(10)
            .allSatisfy(
                answer -> {
                  assertThat(answer.status()).isEqualTo(503);
                  assertThat(answer.body()).contains("journal database unreachable since");
                  assertThat(answer.took())
                      .as("a write fails at once, not after the ask timeout")
                      .isLessThan(Duration.ofSeconds(2));
                });
        System.out.printf(
            "outage of %s: writes accepted again %.1f s after the database came back%n",
            OUTAGE, resumedAfter / 1e9);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> writer.acknowledgedBodies() > before + 5);
      } finally {
        writer.close();
      }

      List<String> acknowledged = writer.acknowledged();
      assertThat(journaledEventIds(api, acknowledged))
          .as("every acknowledged event is in the journal")
          .containsAll(acknowledged);
      for (String eventId : acknowledged) {
        String location = ResendingWriter.locationOf(eventId);
        assertThat(
                api.inventory(location, ResendingWriter.sku(eventId)).json().get("onHand").asLong())
            .as(eventId + " applied once, however often it was sent")
            .isEqualTo(-1);
      }
    }
  }

  /** The ids of the events journaled by the locations of {@code eventIds}. */
  private static Set<String> journaledEventIds(Api api, List<String> eventIds) {
    Set<String> journaled = new HashSet<>();
    Set<String> locations = new TreeSet<>();
    eventIds.forEach(eventId -> locations.add(ResendingWriter.locationOf(eventId)));
    for (String location : locations) {
      long from = 1;
      for (int page = 0; page < 100; page++) {
        JsonNode answer =
            api.get(
                    "/v1/journal/entities/LocationInventory%7C"
                        + location
                        + "/events?from="
                        + from
                        + "&limit=1000")
                .json();
        if (answer.get("events").isEmpty()) {
          break;
        }
        for (JsonNode entry : answer.get("events")) {
          entry
              .path("event")
              .path("events")
              .forEach(event -> journaled.add(event.path("stamp").path("eventId").asText()));
        }
        from = answer.get("next").asLong();
      }
    }
    return journaled;
  }
}
