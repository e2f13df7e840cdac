package io.shelfstream.http.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TcpProxy;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.DatabaseSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The promise of issue 22 whole: clients flood a node with sales while its PostgreSQL goes away
 * (for {@code SHELFSTREAM_TEST_FLOOD_OUTAGE}, 15 s by default; 45 s in the run) and comes
 * back, resending every batch until it is answered 200. Afterwards every acknowledged event is
 * journaled exactly once and every golden record equals the totals computed apart, with snapshots
 * taken every few events, before and after the node restarts.
 */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL_ENV, matches = ".+")
class OutageFloodTest {
  private static final Duration OUTAGE =
      Duration.parse("PT" + System.getenv().getOrDefault("SHELFSTREAM_TEST_FLOOD_OUTAGE", "15s"));
  private static final int CLIENTS = 4;
  private static final int BATCHES_PER_CLIENT = 60;
  private static final int LINES_PER_BATCH = 40;
  private static final int LOCATIONS = 6;
  private static final int SKUS = 20;
  private static final Map<String, Object> SNAPSHOTS_OFTEN =
      Map.of(
          "shelfstream.golden-record.snapshot-every", 25,
          "shelfstream.golden-record.snapshot-bytes-per-event", 0);
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Sale(String eventId, String location, String sku, int qty) {
    String line() {
      return ("{\"type\":\"sale\",\"eventId\":\"%s\",\"occurredAt\":\"2026-03-01T09:00:00Z\","
              + "\"locationId\":\"%s\",\"sku\":\"%s\",\"qty\":%d}")
          .formatted(eventId, location, sku, qty);
    }
  }

  /** One client's batches, sent one after the other, each again until answered 200. */
  private static final class Client {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI events;
    private final List<List<Sale>> batches = new ArrayList<>();
    final AtomicInteger acknowledgedBatches = new AtomicInteger();
    final AtomicInteger refusals = new AtomicInteger();

    Client(String baseUrl, int client, Random random) {
      this.events = URI.create(baseUrl + "/v1/pos/events");
      for (int b = 0; b < BATCHES_PER_CLIENT; b++) {
        List<Sale> batch = new ArrayList<>();
        for (int i = 0; i < LINES_PER_BATCH; i++) {
          batch.add(
              new Sale(
                  "c" + client + "-" + b + "-" + i,
                  "F" + random.nextInt(LOCATIONS),
                  "K" + random.nextInt(SKUS),
                  1 + random.nextInt(3)));
        }
        batches.add(batch);
      }
    }

    void run(long deadline) {
      for (List<Sale> batch : batches) {
        StringBuilder body = new StringBuilder();
        batch.forEach(sale -> body.append(sale.line()).append('\n'));
        while (!sent(body.toString())) {
          refusals.incrementAndGet();
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("a batch was never acknowledged");
          }
          Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        }
        acknowledgedBatches.incrementAndGet();
      }
    }

    /** Whether every line of the body was answered durable (accepted or duplicate). */
    private boolean sent(String body) {
      try {
        HttpResponse<String> reply =
            http.send(
                HttpRequest.newBuilder(events)
                    .header("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
                    .header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
          return false;
        }
        JsonNode summary = JSON.readTree(reply.body());
        return summary.get("failed").asInt() == 0 && summary.get("rejected").asInt() == 0;
      } catch (java.io.IOException e) {
        return false; // the connection went away: as if refused, send again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void aFloodThroughAnOutageLosesNothingCountsNothingTwiceAndLeavesEveryRecordRight()
      throws Exception {
    Path data = Files.createTempDirectory("shelfstream-flood-");
    try (TestDatabase db = TestDatabase.postgres();
        TcpProxy proxy = TcpProxy.toDatabaseOf(db.settings())) {
      DatabaseSettings throughProxy = proxy.inFrontOf(db.settings());
      List<Sale> all = new ArrayList<>();
      try (ShelfstreamNode node = start(throughProxy, data)) {
        String baseUrl = TestNode.baseUrl(node);
        Random random = new Random(22);
        List<Client> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          Client client = new Client(baseUrl, c, random);
          client.batches.forEach(all::addAll);
          clients.add(client);
        }
        long deadline = System.nanoTime() + OUTAGE.plusSeconds(150).toNanos();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        clients.forEach(
            client -> running.add(CompletableFuture.runAsync(() -> client.run(deadline))));

        // the outage strikes mid-flood
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> acknowledged(clients) >= CLIENTS * BATCHES_PER_CLIENT / 4);
        proxy.cut();
        int atCut = acknowledged(clients);
        Awaitility.await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() -> true);
        proxy.restore();

        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
            .get(OUTAGE.plusSeconds(180).toSeconds(), TimeUnit.SECONDS);
        assertThat(atCut)
            .as("the outage struck mid-flood")
            .isLessThan(CLIENTS * BATCHES_PER_CLIENT);
        assertThat(clients.stream().mapToInt(client -> client.refusals.get()).sum())
            .as("clients were refused during the outage and sent again")
            .isGreaterThan(0);
        assertRecordsAndJournal(new Api(baseUrl), all);
      }
      try (ShelfstreamNode node = start(throughProxy, data)) {
        assertRecordsAndJournal(new Api(TestNode.baseUrl(node)), all);
      }
    }
  }

  private static ShelfstreamNode start(DatabaseSettings db, Path data) {
    return ShelfstreamNode.start(TestNode.config(db, data, SNAPSHOTS_OFTEN));
  }

  private static int acknowledged(List<Client> clients) {
    return clients.stream().mapToInt(client -> client.acknowledgedBatches.get()).sum();
  }

  private static void assertRecordsAndJournal(Api api, List<Sale> all) {
    Map<String, Long> truth = new HashMap<>();
    all.forEach(
        sale -> truth.merge(sale.location() + "/" + sale.sku(), (long) -sale.qty(), Long::sum));
    for (var expected : truth.entrySet()) {
      String[] key = expected.getKey().split("/");
      JsonNode record = api.inventory(key[0], key[1]).json();
      assertThat(record.get("onHand").asLong())
          .as(expected.getKey())
          .isEqualTo(expected.getValue());
    }
    Map<String, Integer> journaled = new HashMap<>();
    for (int l = 0; l < LOCATIONS; l++) {
      long from = 1;
      for (int page = 0; page < 1000; page++) {
        JsonNode answer =
            api.get(
                    "/v1/journal/entities/LocationInventory%7CF"
                        + l
                        + "/events?from="
                        + from
                        + "&limit=1000")
                .json();
        if (answer.get("events").isEmpty()) {
          break;
        }
        answer
            .get("events")
            .forEach(
                entry ->
                    entry
                        .path("event")
                        .path("events")
                        .forEach(
                            event ->
                                journaled.merge(
                                    event.path("stamp").path("eventId").asText(),
                                    1,
                                    Integer::sum)));
        from = answer.get("next").asLong();
      }
    }
    assertThat(journaled).as("every event journaled").hasSize(all.size());
    assertThat(journaled.values()).as("and each exactly once").containsOnly(1);
  }
}
