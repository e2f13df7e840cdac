package io.shelfstream.system.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.devkit.kafka.LocalKafkaBroker;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.system.testkit.KafkaWorkload;
import io.shelfstream.system.testkit.Producer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Kafka integration declared in HOCON, against a real broker: 50k records with duplicates and
 * poison over several partitions, through a restart of the consumer stream, of the node and of the
 * broker. Every golden record must come out exact, every poison record must be a dead letter, and
 * the lag must return to 0.
 */
class KafkaIntegrationTest {
  private static final String TOPIC = "pos.transactions.completed";

  private static Map<String, Object> integration(LocalKafkaBroker broker) {
    return Map.of(
        "shelfstream.integrations.pos-kafka.type",
        "kafka",
        "shelfstream.integrations.pos-kafka.bootstrap-servers",
        broker.bootstrapServers(),
        "shelfstream.integrations.pos-kafka.topics.transactions",
        TOPIC,
        "shelfstream.integrations.pos-kafka.max-poll-records",
        1000,
        "shelfstream.integration-runtime.supervision.min-backoff",
        "200ms");
  }

  private static JsonNode status(Api api) {
    return api.get("/v1/integrations/pos-kafka").json();
  }

  private static void awaitRead(Api api, long atLeast) {
    Awaitility.await("pos-kafka read " + atLeast)
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> status(api).get("read").asLong() >= atLeast);
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void everyRecordCountsOnceThroughRestartsOfTheStreamTheNodeAndTheBroker(String kind)
      throws Exception {
    Path dir = Files.createTempDirectory("shelfstream-kafka-");
    try (TestDatabase db = TestDatabase.create(kind);
        LocalKafkaBroker broker = LocalKafkaBroker.start(dir.resolve("kafka"), 0)) {
      broker.createTopic(TOPIC, 4);
      KafkaWorkload workload = KafkaWorkload.generate(50_000, TOPIC, 7);
      var records = workload.records;
      int third = records.size() / 3;
      var config = TestNode.config(db.settings(), dir.resolve("node"), integration(broker));

      ShelfstreamNode node = ShelfstreamNode.start(config);
      try {
        Api api = new Api(TestNode.baseUrl(node));
        Producer.produce(broker.bootstrapServers(), records.subList(0, third));
        awaitRead(api, third / 3);

        // restart the consumer stream: pause drains and commits, resume goes on from there
        assertThat(
                api.post("/v1/integrations/pos-kafka/pause", "application/json", "")
                    .json()
                    .get("state")
                    .asText())
            .isEqualTo("paused");
        assertThat(api.post("/v1/integrations/pos-kafka/resume", "application/json", "").status())
            .isEqualTo(200);
        Producer.produce(broker.bootstrapServers(), records.subList(third, 2 * third));
        awaitRead(api, third);
      } finally {
        node.close();
      }

      node = ShelfstreamNode.start(config);
      try {
        Api api = new Api(TestNode.baseUrl(node));
        awaitRead(api, 1);
        broker.restart();
        Producer.produce(broker.bootstrapServers(), records.subList(2 * third, records.size()));

        Awaitility.await("lag back to 0")
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  JsonNode status = status(api);
                  return status.path("details").path("totalLag").asLong(-1) == 0
                      && status.get("state").asText().equals("running");
                });

        workload.expectedOnHand.forEach(
            (key, expected) -> {
              String[] parts = key.split("/");
              assertThat(api.inventory(parts[0], parts[1]).json().get("onHand").asLong())
                  .as("onHand of " + key + " (each event counted once)")
                  .isEqualTo(expected);
            });
        JsonNode letters = api.get("/v1/dead-letters?limit=1000").json().get("deadLetters");
        assertThat(letters).hasSize(workload.poison);
        assertThat(letters.get(0).get("channel").asText()).isEqualTo("kafka:pos-kafka");
        assertThat(letters.get(0).get("position").asText())
            .matches("topic " + TOPIC.replace(".", "\\.") + " partition \\d offset \\d+");
      } finally {
        node.close();
      }
    }
  }
}
