package io.shelfstream.system.node;

import static io.shelfstream.http.testkit.PosJson.count;
import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.ChunkedTill;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.system.testkit.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The golden record and its dedupe survive a node restart, graceful or kill -9. */
class RestartTest {

  private static String body(int from, int to) {
    StringBuilder body = new StringBuilder();
    for (int i = from; i < to; i++) {
      body.append(count("c" + i, "L" + (i % 7), "S" + (i % 5), 100, "2026-03-01T08:00:00Z"))
          .append('\n');
      body.append(sale("s" + i, "L" + (i % 7), "S" + (i % 5), 1)).append('\n');
    }
    return body.toString();
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aGracefulRestartKeepsTheRecordAndTheDedupe(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Path dataDir = Files.createTempDirectory("shelfstream-restart-");
      String body = body(0, 70);
      JsonNode before;
      try (ShelfstreamNode node = TestNode.start(db.settings(), dataDir)) {
        var api = new Api(TestNode.baseUrl(node));
        assertThat(api.postNdjson(body).json().get("accepted").asLong()).isEqualTo(140);
        before = api.inventory("L3", "S3").json();
      }
      try (ShelfstreamNode node = TestNode.start(db.settings(), dataDir)) {
        var api = new Api(TestNode.baseUrl(node));
        assertThat(api.inventory("L3", "S3").json()).isEqualTo(before);
        JsonNode again = api.postNdjson(body).json();
        assertThat(again.get("duplicates").asLong()).isEqualTo(140);
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(api.inventory("L3", "S3").json()).isEqualTo(before);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aKilledNodeLosesNoAcknowledgedEvent(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Path dataDir = Files.createTempDirectory("shelfstream-kill-");
      List<String> acknowledged = new ArrayList<>();
      int sent = 0;
      try (NodeProcess node = NodeProcess.start(db.settings(), dataDir)) {
        // each sale goes to its own SKU, so each acknowledged line has a record of its own
        try (var till = new ChunkedTill(node.httpPort(), Duration.ofSeconds(30))) {
          for (; sent < 400; sent++) {
            till.send(sale("k" + sent, "K", "sku-" + sent, 1));
          }
          till.readHead();
          for (int i = 0; i < 150; i++) {
            JsonNode result = till.readResult();
            assertThat(result.get("status").asText()).isEqualTo("accepted");
            acknowledged.add(result.get("eventId").asText());
          }
          node.kill9(); // mid-stream: 250 lines sent whose results were not read
        } catch (IOException connectionGone) {
          // the socket may notice the kill first
        }
      }
      assertThat(acknowledged).hasSize(150);

      try (NodeProcess node = NodeProcess.start(db.settings(), dataDir)) {
        var api = new Api(node.baseUrl());
        for (String eventId : acknowledged) {
          String sku = "sku-" + eventId.substring(1);
          JsonNode view = api.inventory("K", sku).json();
          assertThat(view.get("onHand").asLong()).as(eventId + " was acknowledged").isEqualTo(-1);
        }
        StringBuilder resend = new StringBuilder();
        for (int i = 0; i < sent; i++) {
          resend.append(sale("k" + i, "K", "sku-" + i, 1)).append('\n');
        }
        JsonNode again = api.postNdjson(resend.toString()).json();
        assertThat(again.get("duplicates").asLong()).isGreaterThanOrEqualTo(150);
        assertThat(again.get("accepted").asLong() + again.get("duplicates").asLong())
            .isEqualTo(sent);
        for (int i = 0; i < sent; i++) {
          assertThat(api.inventory("K", "sku-" + i).json().get("onHand").asLong())
              .as("resending after a crash applies each sale once")
              .isEqualTo(-1);
        }
      }
    }
  }
}
