package io.shelfstream.system.kafka;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.devkit.kafka.LocalKafkaBroker;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.system.testkit.Producer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Managing integrations over HTTP, against a real broker. */
class IntegrationRoutesTest {
  private static Path dir;
  private static LocalKafkaBroker broker;
  private static TestDatabase db;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("shelfstream-integrations-");
    broker = LocalKafkaBroker.start(dir.resolve("kafka"), 0);
    broker.createTopic("tills", 3);
    db = TestDatabase.h2();
  }

  @AfterAll
  static void stop() {
    broker.close();
    db.close();
  }

  private static String spec(String topic) {
    return "{\"type\":\"kafka\",\"bootstrap-servers\":\""
        + broker.bootstrapServers()
        + "\",\"topics\":{\"transactions\":\""
        + topic
        + "\"},\"max-poll-records\":200}";
  }

  private static JsonNode status(Api api, String id) {
    return api.get("/v1/integrations/" + id).json();
  }

  private static long lag(Api api, String id) {
    return status(api, id).path("details").path("totalLag").asLong(-1);
  }

  private static List<String> sales(int from, int to) {
    List<String> lines = new ArrayList<>();
    IntStream.range(from, to).forEach(i -> lines.add(sale("t-" + i, "P", "sku-" + i, 1)));
    return lines;
  }

  @Test
  void pauseStopsReadingResumeGoesOnAndBothSurviveARestart() throws Exception {
    Path nodeDir = dir.resolve("node-pause");
    ShelfstreamNode node = TestNode.start(db.settings(), nodeDir);
    try {
      Api api = new Api(TestNode.baseUrl(node));
      var created = api.send("PUT", "/v1/integrations/tills", spec("tills"));
      assertThat(created.status()).isEqualTo(200);
      assertThat(created.json().get("type").asText()).isEqualTo("kafka");

      Producer.produce(broker.bootstrapServers(), "tills", "P", sales(0, 1000));
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  status(api, "tills").get("accepted").asLong() == 1000 && lag(api, "tills") == 0);

      assertThat(
              api.post("/v1/integrations/tills/pause", "application/json", "")
                  .json()
                  .get("state")
                  .asText())
          .isEqualTo("paused");
      Producer.produce(broker.bootstrapServers(), "tills", "P", sales(1000, 1500));
      // paused: nothing is read, so the group's committed offsets stay where they were
      Awaitility.await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> lag(api, "tills") == 500 && status(api, "tills").get("read").asLong() == 1000);
      assertThat(api.inventory("P", "sku-1200").status()).isEqualTo(404);
    } finally {
      node.close();
    }

    node = TestNode.start(db.settings(), nodeDir);
    try {
      Api api = new Api(TestNode.baseUrl(node));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> api.get("/v1/integrations/tills").status() == 200);
      assertThat(status(api, "tills").get("state").asText())
          .as("made over HTTP, paused over HTTP: both kept")
          .isEqualTo("paused");

      api.post("/v1/integrations/tills/resume", "application/json", "");
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> lag(api, "tills") == 0);
      for (int i = 0; i < 1500; i += 97) {
        assertThat(api.inventory("P", "sku-" + i).json().get("onHand").asLong()).isEqualTo(-1);
      }
      assertThat(status(api, "tills").get("state").asText()).isEqualTo("running");
    } finally {
      node.close();
    }
  }

  @Test
  void managementErrorsNameTheFieldOrTheIntegration() throws Exception {
    ShelfstreamNode node = TestNode.start(db.settings(), dir.resolve("node-errors"));
    try {
      Api api = new Api(TestNode.baseUrl(node));
      var invalid =
          api.send(
              "PUT",
              "/v1/integrations/bad",
              "{\"type\":\"kafka\",\"topics\":{},\"commit\":{\"max-interval\":\"soon\"}}");
      assertThat(invalid.status()).isEqualTo(400);
      List<String> fields = new ArrayList<>();
      invalid.json().get("errors").forEach(error -> fields.add(error.get("field").asText()));
      assertThat(fields).containsExactly("bootstrap-servers", "topics", "commit.max-interval");
      assertThat(
              api.send("PUT", "/v1/integrations/bad", "{\"type\":\"ftp\"}")
                  .json()
                  .get("errors")
                  .get(0)
                  .get("error")
                  .asText())
          .contains("must be one of [kafka");
      assertThat(
              api.send("PUT", "/v1/integrations/bad", "not { json")
                  .json()
                  .get("errors")
                  .get(0)
                  .get("field")
                  .asText())
          .isEqualTo("body");
      assertThat(api.send("PUT", "/v1/integrations/no%20spaces", spec("tills")).status())
          .isEqualTo(400);
      assertThat(api.get("/v1/integrations/bad").status()).isEqualTo(404);

      assertThat(api.send("PUT", "/v1/integrations/checked", spec("tills")).status())
          .isEqualTo(200);
      JsonNode test = api.post("/v1/integrations/checked/test", "application/json", "").json();
      assertThat(test.get("ok").asBoolean()).isTrue();
      assertThat(test.get("detail").asText()).contains("tills (3 partitions)");

      assertThat(api.send("PUT", "/v1/integrations/missing-topic", spec("no-such-topic")).status())
          .isEqualTo(200);
      JsonNode noTopic =
          api.post("/v1/integrations/missing-topic/test", "application/json", "").json();
      assertThat(noTopic.get("ok").asBoolean()).isFalse();
      assertThat(noTopic.get("detail").asText()).contains("does not exist");

      assertThat(api.post("/v1/integrations/checked/trigger", "application/json", "").status())
          .isEqualTo(409);
      assertThat(api.get("/v1/integrations").json().get("integrations")).hasSize(2);
      assertThat(api.send("DELETE", "/v1/integrations/checked", "").status()).isEqualTo(204);
      assertThat(api.get("/v1/integrations/checked").status()).isEqualTo(404);
      assertThat(api.send("DELETE", "/v1/integrations/checked", "").status()).isEqualTo(404);
      assertThat(api.post("/v1/integrations/checked/pause", "application/json", "").status())
          .isEqualTo(404);
      assertThat(api.post("/v1/integrations/checked/test", "application/json", "").status())
          .isEqualTo(404);
    } finally {
      node.close();
    }
  }
}
