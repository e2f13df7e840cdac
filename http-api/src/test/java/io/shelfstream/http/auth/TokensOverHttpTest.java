package io.shelfstream.http.auth;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.auth.tokens.AdminBootstrap;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.http.testkit.Tokens;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** API tokens over real HTTP: shown once, revoked at once, scoped, bootstrapped, rate-limited. */
class TokensOverHttpTest {

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aTokenIsShownOnceListedWithoutItsSecretAndRevokedAtOnce(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node = start(db, Map.of())) {
      Api admin = new Api(TestNode.baseUrl(node));
      var created =
          admin.post("/v1/tokens", "application/json", "{\"role\":\"read\",\"name\":\"dash\"}");
      assertThat(created.status()).isEqualTo(201);
      String token = created.json().get("token").asText();
      String id = created.json().get("id").asText();
      assertThat(token).startsWith("sst_" + id + "_").hasSizeGreaterThan(4 + 16 + 1 + 42);
      Api reader = admin.as(Optional.of(token));
      assertThat(reader.get("/v1/dead-letters").status()).isEqualTo(200);

      var listed = admin.get("/v1/tokens");
      assertThat(listed.body())
          .doesNotContain(token)
          .doesNotContain(token.substring(token.lastIndexOf('_') + 1));
      JsonNode entry = listed.json().get("tokens").get(0);
      assertThat(entry.get("id").asText()).isEqualTo(id);
      assertThat(entry.get("name").asText()).isEqualTo("dash");
      assertThat(entry.get("role").asText()).isEqualTo("read");
      assertThat(entry.get("revokedAt").isNull()).isTrue();
      assertThat(entry.has("token")).isFalse();

      assertThat(admin.send("DELETE", "/v1/tokens/" + id, "").status()).isEqualTo(204);
      var refused = reader.get("/v1/dead-letters");
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().get("error").asText()).contains("API token " + id + " is revoked");
      assertThat(admin.send("DELETE", "/v1/tokens/" + id, "").status()).isEqualTo(404);
      assertThat(admin.get("/v1/tokens").json().get("tokens").get(0).get("revokedAt").isNull())
          .isFalse();

      String forged = token.substring(0, token.length() - 2) + "xx";
      assertThat(admin.as(Optional.of(forged)).get("/v1/dead-letters").status()).isEqualTo(401);
      assertThat(
              admin
                  .as(Optional.of("sst_0000000000000000_nope"))
                  .get("/v1/dead-letters")
                  .json()
                  .get("error")
                  .asText())
          .contains("unknown API token");
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void anIngestTokenSendsOnlyForItsSourcesAndStoresAndOtherLinesAreRejected(String kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node = start(db, Map.of())) {
      Api admin = new Api(TestNode.baseUrl(node));
      String scoped =
          Tokens.create(
              admin, "{\"role\":\"ingest\",\"sources\":[\"pos\"],\"stores\":[\"S001\",\"S002\"]}");
      Api till = admin.as(Optional.of(scoped));
      String lines =
          String.join(
              "\n",
              sale("ok-1", "S001", "SKU-1", 1),
              sale("other-store", "S009", "SKU-1", 1),
              sale("other-source", "S002", "SKU-1", 1).replace("}", ",\"source\":\"erp\"}"),
              "{\"type\":\"demand\",\"eventId\":\"d-1\",\"occurredAt\":\"2026-03-01T00:00:00Z\","
                  + "\"productId\":\"SKU-1\",\"externalDemand\":\"high\"}",
              sale("ok-2", "S002", "SKU-1", 1));
      var reply = till.postNdjson(lines);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().get("accepted").asInt()).isEqualTo(2);
      assertThat(reply.json().get("rejected").asInt()).isEqualTo(3);
      assertThat(reply.body())
          .contains("store: \\\"S009\\\" is outside this token's store scope [S001, S002]")
          .contains("source: \\\"erp\\\" is outside this token's source scope [pos]")
          .contains("a demand signal names no store");

      var letters = admin.get("/v1/dead-letters").json().get("deadLetters");
      assertThat(letters.findValuesAsText("reason"))
          .anyMatch(reason -> reason.contains("outside this token's store scope"));
      assertThat(admin.inventory("S009", "SKU-1").status()).isEqualTo(404);
      assertThat(admin.inventory("S001", "SKU-1").status()).isEqualTo(200);

      var web =
          admin.send(
              "PUT",
              "/v1/integrations/web",
              "{\"type\":\"http\",\"default-source\":\"web\",\"mapping\":{\"fields\":["
                  + "{\"target\":\"type\",\"transforms\":[{\"constant\":\"sale\"}]},"
                  + "{\"target\":\"eventId\",\"source\":\"id\"},"
                  + "{\"target\":\"occurredAt\",\"source\":\"at\",\"formats\":[\"iso\"],\"zone\":\"UTC\"},"
                  + "{\"target\":\"locationId\",\"source\":\"store\"},"
                  + "{\"target\":\"sku\",\"source\":\"sku\"},"
                  + "{\"target\":\"qty\",\"source\":\"qty\"}]}}");
      assertThat(web.status()).as(web.body()).isEqualTo(200);
      var records =
          till.post(
              "/v1/integrations/web/records",
              "application/json",
              "[{\"id\":\"w-1\",\"at\":\"2026-03-01T10:00:00Z\",\"store\":\"S001\","
                  + "\"sku\":\"SKU-1\",\"qty\":1}]");
      assertThat(records.status()).as(records.body()).isEqualTo(200);
      assertThat(records.json().get("rejected").asInt()).isEqualTo(1);
      assertThat(records.body())
          .contains("source: \\\"web\\\" is outside this token's source scope");

      var badScope =
          admin.post("/v1/tokens", "application/json", "{\"role\":\"read\",\"sources\":[\"pos\"]}");
      assertThat(badScope.status()).isEqualTo(400);
      assertThat(badScope.json().get("error").asText())
          .contains("scopes apply to ingest tokens only");
      var noRole = admin.post("/v1/tokens", "application/json", "{\"name\":\"x\"}");
      assertThat(noRole.json().get("error").asText())
          .isEqualTo("role: required, one of ingest, read, replay, admin");
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aFreshNodeWritesItsAdminTokenToAPrivateFileOnce(String kind) throws Exception {
    Path data = Files.createTempDirectory("shelfstream-bootstrap-");
    Map<String, Object> noAdmin = Map.of("shelfstream.security.admin-token", "");
    String token;
    try (TestDatabase db = TestDatabase.create(kind)) {
      try (ShelfstreamNode node =
          ShelfstreamNode.start(TestNode.config(db.settings(), data, noAdmin))) {
        Path file = data.resolve(AdminBootstrap.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .isEqualTo("rw-------");
        token = Files.readString(file).strip();
        Api admin = new Api(TestNode.baseUrl(node)).as(Optional.of(token));
        assertThat(admin.get("/v1/tokens").json().get("tokens").get(0).get("name").asText())
            .isEqualTo("bootstrap");
        assertThat(new Api(TestNode.baseUrl(node)).get("/v1/tokens").status()).isEqualTo(401);
      }
      Files.delete(data.resolve(AdminBootstrap.FILE_NAME));
      try (ShelfstreamNode node =
          ShelfstreamNode.start(TestNode.config(db.settings(), data, noAdmin))) {
        assertThat(data.resolve(AdminBootstrap.FILE_NAME)).doesNotExist();
        var tokens = new Api(TestNode.baseUrl(node)).as(Optional.of(token)).get("/v1/tokens");
        assertThat(tokens.json().get("tokens")).hasSize(1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aClientBeyondItsRateIsAnswered429WithRetryAfterAndOthersAreNot(String kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node = startWithBurstOf3(db)) {
      Api admin = new Api(TestNode.baseUrl(node));
      String token = Tokens.create(admin, "ingest", "busy");
      Api busy = admin.as(Optional.of(token));
      for (int i = 0; i < 3; i++) {
        assertThat(busy.postNdjson(sale("rl-" + i, "S001", "SKU-1", 1)).status()).isEqualTo(200);
      }
      var limited = busy.postNdjson(sale("rl-3", "S001", "SKU-1", 1));
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").get())).isPositive();
      assertThat(limited.json().get("error").asText()).contains("too many requests");
      assertThat(admin.get("/v1/inventory/S001/SKU-1").json().get("version").asLong()).isEqualTo(3);
      assertThat(admin.as(Optional.empty()).get("/health").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void guessingTokensIsLimitedByAddress(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node = startWithBurstOf3(db)) {
      Api admin = new Api(TestNode.baseUrl(node));
      for (int i = 0; i < 3; i++) {
        Api guesser = admin.as(Optional.of("sst_" + (1000 + i) + "_" + "x".repeat(43)));
        assertThat(guesser.get("/v1/inventory/S001/SKU-1").status()).isEqualTo(401);
      }
      var limited = admin.as(Optional.of("sst_2000_" + "y".repeat(43))).get("/v1/stores/S001");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(limited.json().get("error").asText()).contains("too many requests from 127.0.0.1");
      // a valid credential is its own client, not its address's
      assertThat(admin.get("/v1/integrations").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void withSecurityOffExplicitlyAnonymousRequestsPassAndAreAuditedAsAnonymous(String kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node = start(db, Map.of("shelfstream.security.enabled", false))) {
      Api anonymous = new Api(TestNode.baseUrl(node)).as(Optional.empty());
      assertThat(anonymous.postNdjson(sale("open-1", "S001", "SKU-1", 1)).status()).isEqualTo(200);
      assertThat(anonymous.get("/v1/journal/tags").status()).isEqualTo(200);
      // entries are written beside the answer, not before it
      var audit =
          Awaitility.await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> anonymous.get("/v1/audit").json().get("entries"),
                  found -> !found.isEmpty());
      assertThat(audit.get(0).get("actor").asText()).isEqualTo("anonymous");
      assertThat(audit.get(0).get("path").asText()).isEqualTo("/v1/journal/tags");
    }
  }

  /** A token every 100 s: a test's requests never see one come back. */
  private static ShelfstreamNode startWithBurstOf3(TestDatabase db) throws Exception {
    return start(
        db,
        Map.of(
            "shelfstream.security.rate-limit.requests-per-second",
            0.01,
            "shelfstream.security.rate-limit.burst",
            3));
  }

  private static ShelfstreamNode start(TestDatabase db, Map<String, Object> extra)
      throws Exception {
    Path data = Files.createTempDirectory("shelfstream-tokens-");
    return ShelfstreamNode.start(TestNode.config(db.settings(), data, new HashMap<>(extra)));
  }
}
