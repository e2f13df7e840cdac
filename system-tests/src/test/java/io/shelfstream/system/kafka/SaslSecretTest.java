package io.shelfstream.system.kafka;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.devkit.kafka.LocalKafkaBroker;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.system.testkit.NodeProcess;
import io.shelfstream.system.testkit.Producer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A Kafka integration logs in with SASL/PLAIN, its JAAS line (with the password) in an environment
 * variable of the node that the settings refer to: it reads every record; a wrong password from a
 * file is refused by the broker and shown as such; the password is in no answer and no log line.
 */
class SaslSecretTest {
  private static final int RECORDS = 50;

  private static String jaas(String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"shelf\""
        + " password=\""
        + password
        + "\";";
  }

  private static String spec(LocalKafkaBroker broker, String jaasReference) {
    return "{\"type\":\"kafka\",\"bootstrap-servers\":\""
        + broker.saslBootstrapServers()
        + "\",\"topics\":{\"transactions\":\"sasl-tills\"},\"connection-timeout\":\"3s\","
        + "\"properties\":{\"security.protocol\":\"SASL_PLAINTEXT\",\"sasl.mechanism\":\"PLAIN\","
        + "\"sasl.jaas.config\":\""
        + jaasReference
        + "\"}}";
  }

  @Test
  void aPasswordFromAnEnvironmentVariableLogsInAndIsShownNowhere() throws Exception {
    String password = "Sasl-" + UUID.randomUUID();
    String wrong = "Wrong-" + UUID.randomUUID();
    Path dir = Files.createTempDirectory("shelfstream-sasl-");
    Path wrongFile = dir.resolve("wrong-jaas");
    Files.writeString(wrongFile, jaas(wrong));
    Path nodeDir = dir.resolve("node");
    List<String> answers = new ArrayList<>();
    try (LocalKafkaBroker broker =
            LocalKafkaBroker.start(dir.resolve("kafka"), 0, Map.of("shelf", password));
        TestDatabase db = TestDatabase.h2()) {
      broker.createTopic("sasl-tills", 1);
      Producer.produce(
          broker.bootstrapServers(),
          "sasl-tills",
          "S",
          IntStream.range(0, RECORDS)
              .mapToObj(i -> sale("sasl-" + i, "S", "sku-" + i, 1))
              .toList());
      try (NodeProcess node =
          NodeProcess.start(db.settings(), nodeDir, Map.of("KAFKA_JAAS", jaas(password)))) {
        Api api = new Api(node.baseUrl());
        var put = api.send("PUT", "/v1/integrations/sasl", spec(broker, "${env:KAFKA_JAAS}"));
        answers.add(put.body());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        var putWrong = api.send("PUT", "/v1/integrations/wrong", spec(broker, "file:" + wrongFile));
        answers.add(putWrong.body());
        assertThat(putWrong.status()).as(putWrong.body()).isEqualTo(200);

        Awaitility.await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () -> {
                  var status = api.get("/v1/integrations/sasl");
                  answers.add(status.body());
                  assertThat(status.json().get("accepted").asLong())
                      .as(status.body())
                      .isEqualTo(RECORDS);
                });
        Awaitility.await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () -> {
                  var status = api.get("/v1/integrations/wrong");
                  answers.add(status.body());
                  assertThat(status.json().get("state").asText()).isEqualTo("backing-off");
                  assertThat(status.json().get("lastError").asText())
                      .as(status.body())
                      .containsIgnoringCase("authentication");
                });
        var test = api.post("/v1/integrations/sasl/test", "application/json", "");
        answers.add(test.body());
        assertThat(test.json().get("ok").asBoolean()).as(test.body()).isTrue();
        answers.add(api.post("/v1/integrations/wrong/test", "application/json", "").body());
        answers.add(api.get("/v1/integrations").body());
        answers.add(api.get("/v1/journal/entities/IntegrationRegistry/events").body());
      }
      String log = Files.readString(nodeDir.resolve("node.log"));
      assertThat(log)
          .as("the node logged the refused login")
          .contains("Invalid username or password");
      for (String secret : List.of(password, wrong)) {
        assertThat(log).doesNotContain(secret);
        assertThat(answers).noneMatch(answer -> answer.contains(secret));
      }
    }
  }
}
