package io.shelfstream.http.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.secrets.DatabaseGrep;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.DatabaseSettings;
import io.shelfstream.protocols.mapping.pii.PiiKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An {@code http} integration whose mapping hashes the customer's email (and drops the phone), on a
 * node whose HMAC key is read from a file: orders posted over real HTTP, good and bad, and then
 * neither the journal's rows, nor the golden record's answers, nor the dead letters, nor any answer
 * holds an email address or the key; the journal holds the emails' hashes instead.
 */
class PiiOverHttpTest {
  private static final String MAPPING =
      """
      {"each": "line_items", "fields": [
        {"target": "type", "transforms": [{"constant": "sale"}]},
        {"target": "eventId", "source": "order.id"},
        {"target": "occurredAt", "source": "order.created_at", "formats": ["iso"], "zone": "UTC"},
        {"target": "locationId", "source": "order.store"},
        {"target": "sku", "source": "line_items[].sku"},
        {"target": "qty", "source": "line_items[].quantity"},
        {"target": "customerSegment", "source": "customer.email", "transforms": ["trim", "lower"],
         "pii": "hash"},
        {"target": "promotionCode", "source": "customer.phone", "pii": "drop"}
      ]}""";

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void noEmailIsKeptAnywhere(String kind) throws Exception {
    String key = "pii-key-" + UUID.randomUUID();
    Path keyFile = Files.createTempFile("pii-key-", ".txt");
    Files.writeString(keyFile, key + "\n");
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String ann = "ann." + tag + "@example.com";
    String bob = "bob." + tag + "@example.org";
    String cat = "cat." + tag + "@example.net";
    String dan = "dan." + tag + "@example.com";
    List<String> emails = List.of(ann, bob, cat, dan);
    List<Api.Reply> answers = new ArrayList<>();
    try (TestDatabase db = TestDatabase.create(kind)) {
      try (ShelfstreamNode node =
          ShelfstreamNode.start(
              TestNode.config(
                  db.settings(),
                  Files.createTempDirectory("shelfstream-pii-"),
                  Map.of("shelfstream.pii.hmac-key", "file:" + keyFile)))) {
        Api api = new Api(TestNode.baseUrl(node));
        Api.Reply put =
            api.send(
                "PUT",
                "/v1/integrations/crm",
                "{\"type\":\"http\",\"default-source\":\"shop\",\"mapping\":" + MAPPING + "}");
        answers.add(put);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> api.get("/v1/integrations/crm").json().get("state").asText(),
                "running"::equals);

        String body =
            String.join(
                "\n",
                order("o-1", " Ann." + tag + "@Example.com", "A", "2"),
                order("o-2", ann, "B", "1"),
                order("o-3", bob, "A", "\"three\""),
                order("o-4", cat, "A", "1").substring(0, 120),
                "[" + order("o-5", dan, "A", "1") + "]");
        Api.Reply posted = api.post("/v1/integrations/crm/records", "application/x-ndjson", body);
        answers.add(posted);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().get("accepted").asLong()).isEqualTo(2);
        assertThat(posted.json().get("rejected").asLong()).isEqualTo(3);

        Api.Reply inventory = api.inventory("S1", "A");
        answers.add(inventory);
        assertThat(inventory.json().get("onHand").asLong()).isEqualTo(-2);
        answers.add(api.inventory("S1", "B"));

        Api.Reply letters = api.get("/v1/dead-letters?limit=100");
        answers.add(letters);
        List<String> raws = new ArrayList<>();
        letters.json().get("deadLetters").forEach(letter -> raws.add(letter.get("raw").asText()));
        assertThat(raws).hasSize(3).allSatisfy(raw -> assertThat(raw).contains("***"));

        Api.Reply tested =
            api.post(
                "/v1/mappings/test",
                "application/json",
                "{\"mapping\":"
                    + MAPPING
                    + ",\"records\":["
                    + order("o-9", ann, "A", "1")
                    + ","
                    + order("o-9", ann, "A", "\"x\"")
                    + "]}");
        answers.add(tested);
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        JsonNode event = tested.json().get("results").get(0).get("events").get(0);
        assertThat(event.get("customerSegment").asText()).isEqualTo(PiiKey.of(key).hash(ann));
        assertThat(event.has("promotionCode")).isFalse();
      }

      String annHash = PiiKey.of(key).hash(ann);
      String journal = String.join("\n", journalPayloads(db.settings()));
      assertThat(journal.split(annHash, -1))
          .as("the journal's rows hold the hash of Ann's email, once per sale: they group")
          .hasSize(3);
      for (String email : emails) {
        assertThat(journalPayloads(db.settings())).noneMatch(payload -> payload.contains(email));
        assertThat(journalPayloads(db.settings()))
            .noneMatch(payload -> payload.toLowerCase().contains(email.toLowerCase()));
        assertThat(DatabaseGrep.find(db.settings(), email)).as("rows holding " + email).isEmpty();
        for (Api.Reply answer : answers) {
          assertThat(answer.body().toLowerCase()).doesNotContain(email.toLowerCase());
        }
      }
      assertThat(DatabaseGrep.find(db.settings(), key)).isEmpty();
      for (Api.Reply answer : answers) {
        assertThat(answer.body()).doesNotContain(key).doesNotContain("+33 6");
      }
    } finally {
      Files.deleteIfExists(keyFile);
    }
  }

  private static String order(String id, String email, String sku, String qty) {
    return "{\"order\":{\"id\":\""
        + id
        + "\",\"created_at\":\"2026-03-01T10:00:00Z\",\"store\":\"S1\"},"
        + "\"customer\":{\"email\":\""
        + email
        + "\",\"phone\":\"+33 6 12 34 56 78\"},"
        + "\"line_items\":[{\"sku\":\""
        + sku
        + "\",\"quantity\":"
        + qty
        + "}]}";
  }

  /** Each row of the journal table, its payload read as text (CBOR keeps strings as UTF-8). */
  private static List<String> journalPayloads(DatabaseSettings db) throws Exception {
    List<String> payloads = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT \"persistence_id\", \"event_payload\" FROM \"event_journal\"")) {
      while (rows.next()) {
        payloads.add(
            rows.getString(1) + " " + new String(rows.getBytes(2), StandardCharsets.UTF_8));
      }
    }
    return payloads;
  }
}
