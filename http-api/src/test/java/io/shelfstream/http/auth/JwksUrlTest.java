package io.shelfstream.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** RS256 tokens checked with keys the node fetches from a JWKS URL, served on loopback. */
class JwksUrlTest {

  @Test
  void theNodeFetchesTheKeysOfAJwksUrlAndChecksTokensWithThem() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("idp-1").generate();
    byte[] jwks =
        new JWKSet(List.of(key.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
    AtomicInteger fetches = new AtomicInteger();
    HttpServer idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    idp.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    idp.start();
    String url = "http://127.0.0.1:" + idp.getAddress().getPort() + "/.well-known/jwks.json";
    try (TestDatabase db = TestDatabase.h2();
        ShelfstreamNode node =
            ShelfstreamNode.start(
                TestNode.config(
                    db.settings(),
                    Files.createTempDirectory("shelfstream-jwks-url-"),
                    Map.of("shelfstream.security.jwt.jwks-url", url)))) {
      Api api = new Api(TestNode.baseUrl(node));

      Api ops = api.as(Optional.of(signed(key, "ops", "admin")));
      assertThat(ops.get("/v1/tokens").status()).isEqualTo(200);
      assertThat(fetches.get()).isPositive();

      RSAKey stranger = new RSAKeyGenerator(2048).keyID("idp-1").generate();
      var forged = api.as(Optional.of(signed(stranger, "ops", "admin"))).get("/v1/tokens");
      assertThat(forged.status()).isEqualTo(401);
      assertThat(forged.json().get("error").asText()).contains("JWT refused");
    } finally {
      idp.stop(0);
    }
  }

  private static String signed(RSAKey key, String subject, String role) throws Exception {
    Instant now = Instant.now();
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", role)
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
