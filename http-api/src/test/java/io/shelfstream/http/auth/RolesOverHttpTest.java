package io.shelfstream.http.auth;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestKeystore;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.http.testkit.Tokens;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route × role over real HTTP and HTTPS on one node: without a credential 401, with a role
 * that does not grant it 403, each naming the role needed; with the right role, the route's own
 * answer. Then the audit trail holds the management and replay requests.
 */
class RolesOverHttpTest {
  private static final String ORDERS_MAPPING =
      "{\"each\": \"items\", \"fields\": ["
          + "{\"target\": \"type\", \"transforms\": [{\"constant\": \"sale\"}]},"
          + "{\"target\": \"eventId\", \"source\": \"id\"},"
          + "{\"target\": \"occurredAt\", \"source\": \"at\", \"formats\": [\"iso\"], \"zone\": \"UTC\"},"
          + "{\"target\": \"locationId\", \"source\": \"store\"},"
          + "{\"target\": \"sku\", \"source\": \"items[].sku\"},"
          + "{\"target\": \"qty\", \"source\": \"items[].qty\"}]}";
  private static final String ORDER =
      "[{\"id\": \"o-%s\", \"at\": \"2026-03-01T10:00:00Z\", \"store\": \"S001\","
          + " \"items\": [{\"sku\": \"SKU-1\", \"qty\": 1}]}]";

  /** A route, the role it needs, a role that does not grant it, and the answer it gives. */
  record Call(
      String method,
      String path,
      String contentType,
      String body,
      String role,
      String wrong,
      int ok) {}

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void everyRouteRefusesAnonymousAndWrongRolesAndServesTheRightOne(String kind) throws Exception {
    TestKeystore keystore =
        TestKeystore.create(Files.createTempDirectory("shelfstream-auth-tls-"), "auth-pass-0042");
    Path data = Files.createTempDirectory("shelfstream-auth-node-");
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node =
            ShelfstreamNode.start(
                TestNode.config(
                    db.settings(),
                    data,
                    Map.of(
                        "shelfstream.http.https.enabled",
                        true,
                        "shelfstream.http.https.port",
                        0,
                        "shelfstream.http.https.keystore",
                        keystore.keystore().toString(),
                        "shelfstream.http.https.keystore-password",
                        "file:" + keystore.passwordFile())))) {
      Api plain = new Api(TestNode.baseUrl(node));
      Api https =
          new Api("https://127.0.0.1:" + node.httpsAddress().getPort(), keystore.trustingIt());
      seed(plain);
      for (Api api : List.of(plain, https)) {
        Map<String, String> tokens = new java.util.HashMap<>();
        for (Role role : Role.values()) {
          tokens.put(role.wireName(), Tokens.create(api, role.wireName(), "matrix"));
        }
        int round = 0;
        for (Call call : calls(++round + (api == https ? 100 : 0))) {
          check(api, call, tokens);
        }
        for (String probe : List.of("/health", "/health/ready", "/health/live")) {
          assertThat(api.as(Optional.empty()).get(probe).status()).as(probe).isEqualTo(200);
        }
      }

      // entries are written beside the answers, not before them
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> audited(plain).contains("DELETE /v1/integrations/web 204"));
      var audit = plain.get("/v1/audit?limit=1000");
      List<String> audited = audited(plain);
      assertThat(audited)
          .contains(
              "PUT /v1/integrations/web 401",
              "PUT /v1/integrations/web 403",
              "PUT /v1/integrations/web 200",
              "GET /v1/journal/tags 200",
              "POST /v1/tokens 201");
      var newest = audit.json().get("entries").get(0);
      assertThat(newest.get("remote").asText()).isEqualTo("127.0.0.1");
      assertThat(audit.json().get("entries").findValuesAsText("actor"))
          .contains("anonymous", "configured admin token")
          .anyMatch(actor -> actor.startsWith("token ") && actor.endsWith("(matrix)"));
    }
  }

  private static List<String> audited(Api admin) {
    List<String> audited = new ArrayList<>();
    admin
        .get("/v1/audit?limit=1000")
        .json()
        .get("entries")
        .forEach(
            entry ->
                audited.add(
                    entry.get("method").asText()
                        + " "
                        + entry.get("path").asText()
                        + " "
                        + entry.get("status").asInt()));
    return audited;
  }

  private static void check(Api api, Call call, Map<String, String> tokens) {
    String what = call.method() + " " + call.path();
    var anonymous = send(api.as(Optional.empty()), call);
    assertThat(anonymous.status()).as(what + " anonymous: " + anonymous.body()).isEqualTo(401);
    assertThat(anonymous.json().get("requiredRole").asText()).as(what).isEqualTo(call.role());

    var wrong = send(api.as(Optional.of(tokens.get(call.wrong()))), call);
    assertThat(wrong.status())
        .as(what + " as " + call.wrong() + ": " + wrong.body())
        .isEqualTo(403);
    assertThat(wrong.json().get("error").asText()).contains("needs the role " + call.role());

    var right = send(api.as(Optional.of(tokens.get(call.role()))), call);
    assertThat(right.status())
        .as(what + " as " + call.role() + ": " + right.body())
        .isEqualTo(call.ok());
    if (!call.role().equals("admin") && call.method().equals("GET")) {
      // admin implies every role
      assertThat(send(api.as(Optional.of(tokens.get("admin"))), call).status())
          .as(what)
          .isEqualTo(call.ok());
    }
  }

  private static Api.Reply send(Api api, Call call) {
    return switch (call.method()) {
      case "GET" -> api.get(call.path());
      case "POST" -> api.post(call.path(), call.contentType(), call.body());
      default -> api.send(call.method(), call.path(), call.body());
    };
  }

  /** Data for the read routes to find, with the test nodes' admin token. */
  private static void seed(Api admin) {
    String lines =
        String.join(
            "\n",
            sale("seed-1", "S001", "SKU-1", 1),
            "{\"type\":\"store\",\"eventId\":\"m-1\",\"occurredAt\":\"2026-01-05T10:00:00Z\","
                + "\"storeId\":\"S001\",\"name\":\"Lyon\",\"timezone\":\"Europe/Paris\"}",
            "{\"type\":\"demand\",\"eventId\":\"d-1\",\"occurredAt\":\"2026-03-01T00:00:00Z\","
                + "\"productId\":\"SKU-1\",\"externalDemand\":\"high\"}");
    assertThat(admin.postNdjson(lines).json().get("accepted").asInt()).isEqualTo(3);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> admin.get("/v1/locations/S001/activity").status() == 200);
  }

  private static List<Call> calls(int round) {
    String json = "application/json";
    String integration =
        "{\"type\":\"http\",\"default-source\":\"web\",\"mapping\":" + ORDERS_MAPPING + "}";
    return List.of(
        new Call(
            "POST",
            "/v1/pos/events",
            "application/x-ndjson",
            sale("r" + round, "S001", "SKU-1", 1),
            "ingest",
            "read",
            200),
        new Call("PUT", "/v1/integrations/web", json, integration, "admin", "replay", 200),
        new Call(
            "POST",
            "/v1/integrations/web/records",
            json,
            ORDER.formatted(round),
            "ingest",
            "read",
            200),
        new Call("GET", "/v1/integrations", null, null, "read", "ingest", 200),
        new Call("GET", "/v1/integrations/web", null, null, "read", "ingest", 200),
        new Call("POST", "/v1/integrations/web/test", json, "", "admin", "read", 200),
        new Call("POST", "/v1/integrations/web/pause", json, "", "admin", "ingest", 200),
        new Call("POST", "/v1/integrations/web/resume", json, "", "admin", "replay", 200),
        new Call("POST", "/v1/integrations/web/trigger", json, "", "admin", "read", 409),
        new Call(
            "POST",
            "/v1/mappings/test",
            json,
            "{\"mapping\": " + ORDERS_MAPPING + ", \"records\": " + ORDER.formatted("t") + "}",
            "admin",
            "ingest",
            200),
        new Call("GET", "/v1/inventory/S001/SKU-1", null, null, "read", "ingest", 200),
        new Call("GET", "/v1/stores/S001", null, null, "read", "replay", 200),
        new Call("GET", "/v1/products/SKU-1/demand-signals", null, null, "read", "ingest", 200),
        new Call("GET", "/v1/golden-record/policies", null, null, "read", "ingest", 200),
        new Call("GET", "/v1/locations/S001/activity", null, null, "read", "ingest", 200),
        new Call("GET", "/v1/dead-letters", null, null, "read", "ingest", 200),
        new Call("GET", "/v1/journal/tags", null, null, "replay", "read", 200),
        new Call("GET", "/v1/journal/tags/inventory-0/events", null, null, "replay", "read", 200),
        new Call(
            "GET",
            "/v1/journal/entities/IntegrationRegistry/events",
            null,
            null,
            "replay",
            "ingest",
            200),
        new Call("GET", "/v1/tokens", null, null, "admin", "read", 200),
        new Call(
            "POST",
            "/v1/tokens",
            json,
            "{\"role\":\"read\",\"name\":\"made\"}",
            "admin",
            "replay",
            201),
        new Call("GET", "/v1/audit", null, null, "admin", "replay", 200),
        new Call("DELETE", "/v1/integrations/web", json, "", "admin", "ingest", 204));
  }
}
