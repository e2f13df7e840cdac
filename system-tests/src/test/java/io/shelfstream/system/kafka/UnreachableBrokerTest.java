package io.shelfstream.system.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.devkit.kafka.LocalKafkaBroker;
import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An integration whose broker cannot be reached, over real HTTP against a real node: management
 * calls answer at once, the integration says why it is not running within its connection timeout,
 * and the other integrations and callers are not held up, before and after a restart of the node.
 */
class UnreachableBrokerTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(2);

  /** A loopback port nothing listens on: connections to it are refused. */
  private static int closedPort() {
    return LoopbackPorts.free();
  }

  private static Api.Reply timed(java.util.function.Supplier<Api.Reply> call) {
    long started = System.nanoTime();
    Api.Reply reply = call.get();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("answered promptly: " + reply.body())
        .isLessThan(PROMPTLY);
    return reply;
  }

  private static Map<String, JsonNode> byId(Api api) {
    Api.Reply list = timed(() -> api.get("/v1/integrations"));
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    Map<String, JsonNode> integrations = new HashMap<>();
    list.json()
        .get("integrations")
        .forEach(status -> integrations.put(status.get("id").asText(), status));
    return integrations;
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void anUnreachableBrokerShowsAsBackingOffWithItsReasonWhileEverythingElseAnswers(String kind)
      throws Exception {
    Path dir = Files.createTempDirectory("shelfstream-unreachable-");
    int port = closedPort();
    String unreachable =
        "{\"type\":\"kafka\",\"bootstrap-servers\":\"127.0.0.1:"
            + port
            + "\",\"topics\":{\"transactions\":\"pos\"},\"connection-timeout\":\"2s\"}";
    try (TestDatabase db = TestDatabase.create(kind);
        LocalKafkaBroker broker = LocalKafkaBroker.start(dir.resolve("kafka"), 0)) {
      broker.createTopic("tills", 2);
      String reachable =
          "{\"type\":\"kafka\",\"bootstrap-servers\":\""
              + broker.bootstrapServers()
              + "\",\"topics\":{\"transactions\":\"tills\"}}";
      Path nodeDir = dir.resolve("node");
      ShelfstreamNode node = TestNode.start(db.settings(), nodeDir);
      try {
        Api api = new Api(TestNode.baseUrl(node));
        Api.Reply created = timed(() -> api.send("PUT", "/v1/integrations/stuck", unreachable));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("state").asText()).isIn("starting", "backing-off");
        assertThat(timed(() -> api.send("PUT", "/v1/integrations/tills", reachable)).status())
            .isEqualTo(200);

        Awaitility.await("stuck backs off and says why")
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                () -> {
                  JsonNode stuck = timed(() -> api.get("/v1/integrations/stuck")).json();
                  assertThat(stuck.get("state").asText()).isEqualTo("backing-off");
                  assertThat(stuck.get("lastError").asText())
                      .contains("cannot reach a Kafka broker at 127.0.0.1:" + port)
                      .contains("no answer within 2000 ms");
                });
        Awaitility.await("tills runs meanwhile, and the list answers for everyone")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                () -> {
                  Map<String, JsonNode> all = byId(api);
                  assertThat(all.get("tills").get("state").asText()).isEqualTo("running");
                  assertThat(all.get("tills").path("details").path("totalLag").asLong(-1)).isZero();
                  assertThat(all.get("stuck").get("state").asText())
                      .isIn("starting", "backing-off");
                });
      } finally {
        node.close();
      }

      node = TestNode.start(db.settings(), nodeDir);
      try {
        Api api = new Api(TestNode.baseUrl(node));
        Awaitility.await("after a restart, both are back and the list answers at once")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                () -> {
                  Map<String, JsonNode> all = byId(api);
                  assertThat(all.get("tills").get("state").asText()).isEqualTo("running");
                  assertThat(all.get("stuck").get("state").asText()).isEqualTo("backing-off");
                  assertThat(all.get("stuck").get("lastError").asText())
                      .contains("cannot reach a Kafka broker");
                });
        assertThat(timed(() -> api.get("/v1/integrations/stuck")).status()).isEqualTo(200);
        assertThat(timed(() -> api.send("DELETE", "/v1/integrations/stuck", "")).status())
            .isEqualTo(204);
      } finally {
        node.close();
      }
    }
  }
}
