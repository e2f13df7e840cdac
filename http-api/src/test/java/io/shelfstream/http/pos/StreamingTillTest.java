package io.shelfstream.http.pos;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.ChunkedTill;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A till on one long-lived connection gets each line's result while it keeps sending. */
class StreamingTillTest {
  private static TestDatabase db;
  private static ShelfstreamNode node;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.h2();
    node = TestNode.start(db.settings(), Files.createTempDirectory("shelfstream-node-"));
  }

  @AfterAll
  static void stop() {
    node.close();
    db.close();
  }

  @Test
  void eachLineIsAnsweredAsItBecomesDurableWhileTheRequestStaysOpen() throws Exception {
    try (var till = new ChunkedTill(node.httpAddress().getPort(), Duration.ofSeconds(20))) {
      till.send(sale("t1", "T1", "A", 2));
      assertThat(till.readHead())
          .startsWith("HTTP/1.1 200")
          .contains("Content-Type: application/x-ndjson");
      JsonNode first = till.readResult();
      assertThat(first.get("line").asInt()).isEqualTo(1);
      assertThat(first.get("status").asText()).isEqualTo("accepted");
      assertThat(new Api(TestNode.baseUrl(node)).inventory("T1", "A").json().get("onHand").asLong())
          .as("accepted means durable and applied, before the request ends")
          .isEqualTo(-2);

      till.send("{\"type\":\"sale\"}");
      JsonNode second = till.readResult();
      assertThat(second.get("status").asText()).isEqualTo("rejected");
      assertThat(second.get("error").asText()).contains("eventId: is required");

      till.send(""); // a keep-alive: skipped, no result
      till.send(sale("t1", "T1", "A", 2));
      JsonNode fourth = till.readResult();
      assertThat(fourth.get("line").asInt()).isEqualTo(4);
      assertThat(fourth.get("status").asText()).isEqualTo("duplicate");

      till.send(sale("t2", "T1", "A", 1));
      till.finish();
      assertThat(till.readResult().get("eventId").asText()).isEqualTo("t2");
      assertThat(till.readResult()).as("the response ends with the request").isNull();
    }
  }
}
