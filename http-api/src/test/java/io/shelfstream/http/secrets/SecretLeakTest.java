package io.shelfstream.http.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.engine.integration.IntegrationBodies;
import io.shelfstream.engine.integration.IntegrationRegistry;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * A Kafka SASL password read from a file by reference: the integration is created, started (its
 * client built with the password), read back, tested and its journal replayed, and then neither the
 * database (every row of every table), nor any API answer, nor any log line holds the password. An
 * event journaled by an older version with a password inline is replayed masked.
 */
class SecretLeakTest {
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\\"shelf\\\""
          + " password=\\\"%s\\\";";

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aPasswordGivenByReferenceIsNowhereToBeFound(String kind) throws Exception {
    String secret = "S3cr3t-" + UUID.randomUUID();
    String refusedSecret = "Inl1ne-" + UUID.randomUUID();
    Path secretFile = Files.createTempFile("kafka-jaas-", ".conf");
    Files.writeString(secretFile, String.format(JAAS, secret).replace("\\\"", "\"") + "\n");
    String reference = "file:" + secretFile;
    List<Api.Reply> answers = new ArrayList<>();
    try (TestDatabase db = TestDatabase.create(kind);
        CapturedLogs logs = new CapturedLogs()) {
      try (ShelfstreamNode node =
          TestNode.start(db.settings(), Files.createTempDirectory("shelfstream-secrets-"))) {
        Api api = new Api(TestNode.baseUrl(node));

        Api.Reply inline =
            api.send("PUT", "/v1/integrations/inline", kafka(String.format(JAAS, refusedSecret)));
        answers.add(inline);
        assertThat(inline.status()).isEqualTo(400);
        assertThat(inline.json().get("errors").get(0).get("field").asText())
            .isEqualTo("properties.sasl.jaas.config");
        assertThat(inline.json().get("errors").get(0).get("error").asText())
            .contains("${env:NAME}")
            .contains("file:");

        Api.Reply put = api.send("PUT", "/v1/integrations/sasl", kafka(reference));
        answers.add(put);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        Api.Reply missing =
            api.send("PUT", "/v1/integrations/unset", kafka("${env:SHELFSTREAM_TEST_UNSET_JAAS}"));
        answers.add(missing);
        assertThat(missing.status()).as(missing.body()).isEqualTo(200);

        // started: its consumer and admin clients were built with the password, and failed to
        // reach a broker that is not there
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  Api.Reply status = api.get("/v1/integrations/sasl");
                  answers.add(status);
                  assertThat(status.json().get("state").asText()).isEqualTo("backing-off");
                  assertThat(status.json().get("lastError").asText()).contains("127.0.0.1");
                });
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  Api.Reply status = api.get("/v1/integrations/unset");
                  answers.add(status);
                  assertThat(status.json().get("state").asText()).isEqualTo("backing-off");
                  assertThat(status.json().get("lastError").asText())
                      .contains("properties.sasl.jaas.config")
                      .contains("${env:SHELFSTREAM_TEST_UNSET_JAAS} is not set");
                });
        Api.Reply unsetTest = api.post("/v1/integrations/unset/test", "application/json", "");
        answers.add(unsetTest);
        assertThat(unsetTest.json().get("ok").asBoolean()).isFalse();
        assertThat(unsetTest.json().get("detail").asText())
            .contains("${env:SHELFSTREAM_TEST_UNSET_JAAS} is not set");

        answers.add(api.post("/v1/integrations/sasl/test", "application/json", ""));
        answers.add(api.get("/v1/integrations"));
        answers.add(api.post("/v1/integrations/sasl/pause", "application/json", ""));
        answers.add(api.post("/v1/integrations/sasl/resume", "application/json", ""));
        Api.Reply journal = api.get("/v1/journal/entities/IntegrationRegistry/events");
        answers.add(journal);
        assertThat(journal.status()).isEqualTo(200);
        assertThat(journal.body()).as("the reference is journaled as written").contains(reference);
      }

      assertThat(DatabaseGrep.find(db.settings(), reference))
          .as("the grep finds what is there: the reference")
          .isNotEmpty();
      assertThat(DatabaseGrep.find(db.settings(), secret)).as("rows holding the secret").isEmpty();
      assertThat(DatabaseGrep.find(db.settings(), refusedSecret)).isEmpty();
      for (Api.Reply answer : answers) {
        assertThat(answer.body()).doesNotContain(secret).doesNotContain(refusedSecret);
      }
      // a library that logs a secret it was given: the node's log pattern masks it
      LoggerFactory.getLogger("a.library").warn("cannot log in as shelf with password {}", secret);
      String written = logs.text();
      assertThat(written)
          .as("the grep sees the clients' own logs")
          .contains("sasl.jaas.config = [hidden]")
          .contains("cannot log in as shelf with password ***");
      assertThat(written).doesNotContain(secret).doesNotContain(refusedSecret);
    } finally {
      Files.deleteIfExists(secretFile);
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void anEventJournaledWithAPasswordInlineIsReplayedMasked(String kind) throws Exception {
    String secret = "0ld-" + UUID.randomUUID();
    try (TestDatabase db = TestDatabase.create(kind);
        CapturedLogs logs = new CapturedLogs();
        ShelfstreamNode node =
            TestNode.start(db.settings(), Files.createTempDirectory("shelfstream-secrets-"))) {
      // what an older version journaled: a spec put without today's check
      var spec =
          IntegrationBodies.parse(
              "old", kafka(String.format(JAAS, secret)).getBytes(StandardCharsets.UTF_8));
      var registry =
          ClusterSingleton.get(node.system())
              .init(
                  SingletonActor.of(
                      IntegrationRegistry.create(
                          Map.of(), ClusterSharding.get(node.system()), Duration.ofSeconds(5)),
                      "integration-registry"));
      StatusReply<Done> reply =
          AskPattern.<IntegrationRegistry.Command, StatusReply<Done>>ask(
                  registry,
                  replyTo -> new IntegrationRegistry.Put(spec, replyTo),
                  Duration.ofSeconds(10),
                  node.system().scheduler())
              .toCompletableFuture()
              .get(15, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(reply.isSuccess()).isTrue();
      assertThat(DatabaseGrep.find(db.settings(), secret))
          .as("the older journal holds the secret")
          .isNotEmpty();

      Api api = new Api(TestNode.baseUrl(node));
      Api.Reply journal = api.get("/v1/journal/entities/IntegrationRegistry/events");
      assertThat(journal.status()).isEqualTo(200);
      assertThat(journal.body()).doesNotContain(secret);
      JsonNode shown = journal.json().get("events").get(0).get("event").get("spec");
      assertThat(shown.get("id").asText()).isEqualTo("old");
      assertThat(shown.get("settingsJson").asText())
          .contains("\"sasl.jaas.config\":\"***\"")
          .contains("\"security.protocol\":\"SASL_PLAINTEXT\"");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(api.get("/v1/integrations/old").json().get("state").asText())
                      .isEqualTo("backing-off"));
      assertThat(api.get("/v1/integrations/old").body()).doesNotContain(secret);
      assertThat(logs.text()).doesNotContain(secret);
    }
  }

  /** A Kafka integration on a port where no broker listens, its JAAS config given as is. */
  private static String kafka(String jaas) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    return "{\"type\":\"kafka\",\"bootstrap-servers\":\"127.0.0.1:"
        + closedPort
        + "\",\"topics\":{\"transactions\":\"pos\"},\"connection-timeout\":\"1s\","
        + "\"properties\":{\"security.protocol\":\"SASL_PLAINTEXT\",\"sasl.mechanism\":\"PLAIN\","
        + "\"sasl.jaas.config\":\""
        + jaas
        + "\"}}";
  }
}
