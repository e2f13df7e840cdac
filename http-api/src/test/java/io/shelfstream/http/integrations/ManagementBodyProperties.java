package io.shelfstream.http.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.engine.integration.ManagementBodies;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Arbitrary management bodies over real HTTP against a real node (the many-case fuzzing of the same
 * reading and checking runs without HTTP, in the sources module): every body is answered, with 200,
 * 400 naming fields, or 413, never a 5xx, and the node keeps serving.
 */
class ManagementBodyProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static TestDatabase db;
  private static ShelfstreamNode node;

  @BeforeContainer
  static void start() throws Exception {
    db = TestDatabase.h2();
    node = TestNode.start(db.settings(), Files.createTempDirectory("shelfstream-fuzz-"));
  }

  @AfterContainer
  static void stop() {
    node.close();
    db.close();
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return ManagementBodies.any();
  }

  @Property(tries = 150)
  void everyBodyIsAnsweredWithoutAServerError(@ForAll("bodies") byte[] body) throws Exception {
    HttpResponse<String> reply =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(TestNode.baseUrl(node) + "/v1/integrations/fuzz"))
                .header("Authorization", "Bearer " + TestNode.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Statistics.collect(reply.statusCode());
    assertThat(reply.statusCode()).as(reply.body()).isIn(200, 400, 413);
    JsonNode answer = JSON.readTree(reply.body());
    switch (reply.statusCode()) {
      case 200 -> assertThat(answer.get("id").asText()).isEqualTo("fuzz");
      case 400 ->
          answer
              .get("errors")
              .forEach(error -> assertThat(error.get("field").asText()).isNotBlank());
      default -> assertThat(answer.get("error").asText()).contains("larger than");
    }
    assertThat(
            CLIENT
                .send(
                    HttpRequest.newBuilder(URI.create(TestNode.baseUrl(node) + "/health")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(200);
  }
}
