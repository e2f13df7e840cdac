package io.shelfstream.http.faults;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.ChunkedTill;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.http.testkit.Tokens;
import io.shelfstream.persistence.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow ingestion clients over real sockets, each API token a client whatever address it connects
 * from: a client gets its share of concurrent requests and 429 at once beyond it, the node its
 * total and 503 beyond it, health checks, reads and management answer meanwhile, and a body that
 * stalls is ended with a clear error. The limits are small here so that the test opens few sockets.
 */
class SlowClientsTest {
  private static final int PER_CLIENT = 8;
  private static final int NODE_TOTAL = 12;
  private static final Duration STALL = Duration.ofSeconds(3);
  private static final Duration PROMPTLY = Duration.ofSeconds(2);

  private static TestDatabase db;
  private static ShelfstreamNode node;
  private static int port;

  private final List<SlowPost> open = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROMPTLY).build();

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.h2();
    node =
        ShelfstreamNode.start(
            TestNode.config(
                db.settings(),
                Files.createTempDirectory("shelfstream-slow-"),
                Map.of(
                    "shelfstream.ingest.max-streams-per-client", PER_CLIENT,
                    "shelfstream.ingest.max-streams", NODE_TOTAL,
                    "shelfstream.ingest.body-stall-timeout", STALL.toMillis() + "ms")));
    port = node.httpAddress().getPort();
  }

  @AfterAll
  static void stop() {
    node.close();
    db.close();
  }

  @AfterEach
  void closeSlowPosts() throws IOException {
    trickler.shutdownNow();
    for (SlowPost post : open) {
      post.close();
    }
  }

  @Test
  void slowClientsGetTheirShareAndTheNodeStaysReachable() throws Exception {
    Api admin = new Api(TestNode.baseUrl(node));
    String tills = Tokens.create(admin, "ingest", "tills");
    String warehouse = Tokens.create(admin, "ingest", "warehouse");
    String web = Tokens.create(admin, "ingest", "web");
    // a byte a second each: never stalled, never done
    trickler.scheduleAtFixedRate(
        () -> open.forEach(post -> post.trickle(' ')), 1, 1, TimeUnit.SECONDS);
    for (int i = 0; i < PER_CLIENT; i++) {
      // from two addresses: the share is the credential's, wherever it connects from
      assertThat(admittedSlowPost("127.0.0." + (1 + i % 2), tills)).startsWith("HTTP/1.1 200");
    }
    for (String from : List.of("127.0.0.1", "127.0.0.2", "127.0.0.3")) {
      try (var beyond = new SlowPost(from, tills, port, false, PROMPTLY)) {
        String answer = beyond.readAll();
        assertThat(answer).startsWith("HTTP/1.1 429").contains("Retry-After: ");
        assertThat(body(answer).get("limit").asInt()).isEqualTo(PER_CLIENT);
        assertThat(body(answer).get("error").asText())
            .contains("from token ")
            .contains("(tills)")
            .contains("at most " + PER_CLIENT + " at once per client")
            .contains("shelfstream.ingest.max-streams-per-client");
      }
    }
    assertReachable();
    assertThat(postOneSale("127.0.0.1", warehouse, "other-1"))
        .as("another client behind the same address still ingests")
        .startsWith("HTTP/1.1 200")
        .contains("\"accepted\":1");

    for (int i = PER_CLIENT; i < NODE_TOTAL; i++) {
      assertThat(admittedSlowPost("127.0.0.1", warehouse)).startsWith("HTTP/1.1 200");
    }
    try (var beyond = new SlowPost("127.0.0.4", web, port, false, PROMPTLY)) {
      String answer = beyond.readAll();
      assertThat(answer).startsWith("HTTP/1.1 503");
      assertThat(body(answer).get("error").asText()).contains("shelfstream.ingest.max-streams");
    }
    assertReachable();

    for (SlowPost post : open) {
      post.close();
    }
    open.clear();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(postOneSale("127.0.0.1", tills, "after-close"))
                    .as("closed connections give their share back")
                    .startsWith("HTTP/1.1 200"));
  }

  @Test
  void aStalledBodyIsEndedWithTheLinesReadSoFarAnswered() throws Exception {
    try (var post = new SlowPost("127.0.0.5", port, false, STALL.plusSeconds(5))) {
      post.send(sale("stall-1", "ST", "A", 1));
      String answer = post.readAll();
      assertThat(answer).startsWith("HTTP/1.1 408");
      JsonNode summary = body(answer);
      assertThat(summary.get("accepted").asInt()).isEqualTo(1);
      assertThat(summary.get("lastLine").asInt()).isEqualTo(1);
      assertThat(summary.get("error").asText())
          .startsWith("request body stalled: no byte for 3 s")
          .contains("shelfstream.ingest.body-stall-timeout");
    }

    try (var post = new SlowPost("127.0.0.5", port, true, STALL.plusSeconds(5))) {
      post.send(sale("stall-2", "ST", "A", 1));
      for (char c : "{\"type\":\"sale\"".toCharArray()) {
        post.trickle(c); // a line the stall cuts off
      }
      String answer = post.readAll();
      assertThat(answer).startsWith("HTTP/1.1 200");
      assertThat(answer)
          .contains("\"eventId\":\"stall-2\",\"status\":\"accepted\"")
          .contains("{\"error\":\"request body stalled: no byte for 3 s")
          .contains("\"lastLine\":1}")
          .as("the line cut off is not answered")
          .doesNotContain("rejected");
    }
  }

  @Test
  void blankLinesKeepAStreamOpenPastTheStallBound() throws Exception {
    try (var till = new ChunkedTill(port, STALL.plusSeconds(5))) {
      till.send(sale("alive-1", "AL", "A", 1));
      assertThat(till.readHead()).startsWith("HTTP/1.1 200");
      assertThat(till.readResult().get("status").asText()).isEqualTo("accepted");
      long keepAliveUntil = System.nanoTime() + STALL.multipliedBy(2).toNanos();
      var keepAlives = Executors.newSingleThreadScheduledExecutor();
      try {
        keepAlives.scheduleAtFixedRate(
            () -> {
              try {
                till.send("");
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            },
            0,
            STALL.toMillis() / 3,
            TimeUnit.MILLISECONDS);
        await()
            .pollDelay(Duration.ofNanos(keepAliveUntil - System.nanoTime()))
            .atMost(STALL.multipliedBy(3))
            .until(() -> true);
      } finally {
        keepAlives.shutdownNow();
        keepAlives.awaitTermination(5, TimeUnit.SECONDS);
      }
      till.send(sale("alive-2", "AL", "A", 1));
      JsonNode result = till.readResult();
      assertThat(result.get("eventId").asText()).isEqualTo("alive-2");
      assertThat(result.get("status").asText()).isEqualTo("accepted");
    }
  }

  /** Opens a streaming slow POST and returns its status line, which comes once it is admitted. */
  private String admittedSlowPost(String from, String token) throws IOException {
    var post = new SlowPost(from, token, port, true, PROMPTLY);
    open.add(post);
    return post.readStatusLine();
  }

  private String postOneSale(String from, String token, String eventId) throws IOException {
    try (var post = new SlowPost(from, token, port, false, Duration.ofSeconds(10))) {
      post.send(sale(eventId, "OTHER", "A", 1));
      post.finish();
      return post.readAll();
    }
  }

  private void assertReachable() throws Exception {
    List<String> paths = List.of("/health", "/health/ready", "/health/live", "/v1/integrations");
    List<String> failures = new ArrayList<>();
    for (String path : paths) {
      long asked = System.nanoTime();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(TestNode.baseUrl(node) + path))
                  .header("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
                  .timeout(PROMPTLY)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Duration took = Duration.ofNanos(System.nanoTime() - asked);
      if (response.statusCode() != 200 || took.compareTo(PROMPTLY) >= 0) {
        failures.add(path + ": " + response.statusCode() + " after " + took);
      }
    }
    assertThat(failures).as("health, reads and management answer promptly").isEmpty();
  }

  /** The JSON body of a whole HTTP/1.1 answer (not chunked). */
  private static JsonNode body(String answer) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
  }
}
