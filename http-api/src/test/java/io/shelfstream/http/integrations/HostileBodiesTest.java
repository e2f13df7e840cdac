package io.shelfstream.http.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies a hostile or careless client sends to {@code PUT /v1/integrations/{id}}, over real HTTP
 * against a real node: each is refused with a 400 naming the field, at once, and the node goes on
 * serving. Nothing in a body is ever fetched, read from disk or substituted.
 */
class HostileBodiesTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(2);
  private static final String VALID_TOPICS = "\"topics\":{\"transactions\":\"pos\"}";

  private static Path dir;
  private static TestDatabase db;
  private static ShelfstreamNode node;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("shelfstream-hostile-");
    db = TestDatabase.h2();
    node = TestNode.start(db.settings(), dir.resolve("node"));
    api = new Api(TestNode.baseUrl(node));
  }

  @AfterAll
  static void stop() {
    node.close();
    db.close();
  }

  /** PUTs {@code body}, which must be answered within {@link #PROMPTLY}. */
  private static Api.Reply put(String body) {
    long started = System.nanoTime();
    Api.Reply reply = api.send("PUT", "/v1/integrations/x", body);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
    return reply;
  }

  private static List<String> fieldsOf(Api.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid integration");
    List<String> fields = new ArrayList<>();
    reply.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  private static void assertServing() {
    assertThat(api.get("/health").status()).isEqualTo(200);
    assertThat(api.get("/v1/integrations").status()).isEqualTo(200);
  }

  @Test
  void aBodyNestedFiveThousandLevelsDeepIsRefusedAndTheNodeGoesOn() {
    String deep = "{\"abcdef\":".repeat(5000) + "1" + "}".repeat(5000);
    assertThat(deep.length()).isBetween(50_000, 65_536);
    Api.Reply reply = put(deep);
    assertThat(fieldsOf(reply)).containsExactly("body");
    assertThat(reply.json().get("errors").get(0).get("error").asText())
        .isEqualTo("is nested deeper than 32 levels");
    String deepArrays =
        "{\"type\":\"kafka\",\"x\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";
    assertThat(fieldsOf(put(deepArrays))).containsExactly("body");
    assertServing();
  }

  @Test
  void includesAreNeverFollowed() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] answer = "{\"type\":\"kafka\"}".getBytes();
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      assertThat(fieldsOf(put("include url(\"" + url + "\")"))).containsExactly("body");
      assertThat(fieldsOf(put("{\"type\":\"kafka\", include url(\"" + url + "\")}")))
          .containsExactly("body");
      Awaitility.await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> requests.get() == 0);
    } finally {
      server.stop(0);
    }

    Path secret = dir.resolve("secret.properties");
    Files.writeString(secret, "password=hunter2\n");
    Api.Reply file = put("{\"type\":\"kafka\", include file(\"" + secret + "\")}");
    assertThat(fieldsOf(file)).containsExactly("body");
    assertThat(file.body()).doesNotContain("hunter2");
    assertThat(api.get("/v1/integrations").json().get("integrations")).isEmpty();
  }

  @Test
  void substitutionsAreRefusedNotResolved() {
    assertThat(
            fieldsOf(
                put("{\"type\":\"kafka\",\"bootstrap-servers\":${HOME}," + VALID_TOPICS + "}")))
        .containsExactly("body");
    Api.Reply quoted =
        put("{\"type\":\"kafka\",\"bootstrap-servers\":\"${HOME}\"," + VALID_TOPICS + "}");
    assertThat(fieldsOf(quoted)).containsExactly("bootstrap-servers");
    assertThat(quoted.body()).doesNotContain(System.getProperty("user.home"));
  }

  @Test
  void eachBadSettingIsA400NamingItsField() {
    String servers = "\"bootstrap-servers\":\"127.0.0.1:9092\",";
    assertThat(
            fieldsOf(
                put(
                    "{\"type\":\"kafka\",\"bootstrap-servers\":\"not a host\","
                        + VALID_TOPICS
                        + "}")))
        .containsExactly("bootstrap-servers");
    Api.Reply misspelt =
        put("{\"type\":\"kafka\"," + servers + "\"topics\":{\"transactons\":\"pos\"}}");
    assertThat(fieldsOf(misspelt)).containsExactly("topics.transactons");
    assertThat(misspelt.json().get("errors").get(0).get("error").asText())
        .contains("did you mean \"transactions\"?");
    assertThat(fieldsOf(put("{\"type\":\"kafka\"," + servers + VALID_TOPICS + ",\"group-id\":7}")))
        .containsExactly("group-id");
    assertThat(
            fieldsOf(
                put("{\"type\":\"kafka\"," + servers + VALID_TOPICS + ",\"bootstrap\":\"x\"}")))
        .containsExactly("bootstrap");
    assertThat(
            fieldsOf(put("{\"type\":\"kafka\"," + servers + "\"topics\":{\"transactions\":\"\"}}")))
        .containsExactly("topics.transactions");
    assertThat(
            fieldsOf(
                put(
                    "{\"type\":\"kafka\",\"bootstrap-servers\":\"not a host\",\"topics\":{\"transactons\":\"\"},"
                        + "\"group-id\":7,\"colour\":\"red\"}")))
        .as("every error at once")
        .containsExactly("bootstrap-servers", "topics.transactons", "group-id", "colour");
    assertThat(api.get("/v1/integrations").json().get("integrations")).isEmpty();
  }

  @Test
  void aBodyOverTheLimitIsA413WithAJsonError() throws Exception {
    Api.Reply reply =
        api.send(
            "PUT",
            "/v1/integrations/x",
            "{\"type\":\"kafka\",\"g\":\"" + "x".repeat(100_000) + "\"}");
    assertThat(reply.status()).isEqualTo(413);
    JsonNode error = reply.json();
    assertThat(error.get("error").asText()).startsWith("the body is larger than 65536 bytes");

    byte[] large = ("{\"type\":\"kafka\",\"g\":\"" + "x".repeat(100_000) + "\"}").getBytes();
    HttpResponse<String> chunked =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(TestNode.baseUrl(node) + "/v1/integrations/x"))
                    .header("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
                    .timeout(Duration.ofSeconds(30))
                    .PUT(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(large)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as("sent in chunks, without a length").isEqualTo(413);
    assertThat(chunked.body()).contains("the body is larger than 65536 bytes");
    assertServing();
  }
}
