package io.shelfstream.http.auth;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JWT bearer tokens on a real node: HS256 with a shared secret from a file reference, RS256 and
 * ES256 with keys from a JWKS file; roles, scope and source scope from claims; exp, nbf, issuer and
 * audience enforced.
 */
class JwtOverHttpTest {
  private static final String ISSUER = "https://idp.example.test";
  private static final String AUDIENCE = "shelfstream";
  private static byte[] secret;
  private static RSAKey rsa;
  private static ECKey ec;
  private static TestDatabase db;
  private static ShelfstreamNode node;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("shelfstream-jwt-");
    secret = new byte[48];
    new SecureRandom().nextBytes(secret);
    String secretText = Base64.getEncoder().encodeToString(secret);
    secret = secretText.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Path secretFile = Files.writeString(dir.resolve("jwt-secret"), secretText + "\n");
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    Path jwks =
        Files.writeString(
            dir.resolve("jwks.json"),
            new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
    db = TestDatabase.h2();
    node =
        ShelfstreamNode.start(
            TestNode.config(
                db.settings(),
                dir.resolve("node"),
                Map.of(
                    "shelfstream.security.jwt.hs256-secret",
                    "file:" + secretFile,
                    "shelfstream.security.jwt.jwks-file",
                    jwks.toString(),
                    "shelfstream.security.jwt.issuer",
                    ISSUER,
                    "shelfstream.security.jwt.audience",
                    AUDIENCE)));
    api = new Api(TestNode.baseUrl(node));
  }

  @AfterAll
  static void stop() {
    node.close();
    db.close();
  }

  private static JWTClaimsSet.Builder claims(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  private static Api as(JWSAlgorithm algorithm, JWSSigner signer, String kid, JWTClaimsSet claims)
      throws Exception {
    var jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
    jwt.sign(signer);
    return api.as(Optional.of(jwt.serialize()));
  }

  private static Api hs256(UnaryOperator<JWTClaimsSet.Builder> claims) throws Exception {
    return as(
        JWSAlgorithm.HS256, new MACSigner(secret), null, claims.apply(claims("alice")).build());
  }

  @Test
  void anHs256TokenGrantsTheRolesOfItsClaims() throws Exception {
    Api reader = hs256(c -> c.claim("roles", List.of("read")));
    assertThat(reader.get("/v1/dead-letters").status()).isEqualTo(200);
    var forbidden = reader.get("/v1/journal/tags");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().get("error").asText()).contains("jwt alice has no role replay");

    Api scoped = hs256(c -> c.claim("scope", "openid shelfstream:replay"));
    assertThat(scoped.get("/v1/journal/tags").status()).isEqualTo(200);
  }

  @Test
  void rs256AndEs256TokensAreCheckedWithTheKeysOfTheJwks() throws Exception {
    Api rsaAdmin =
        as(
            JWSAlgorithm.RS256,
            new RSASSASigner(rsa),
            "rsa-1",
            claims("ops").claim("roles", "admin").build());
    assertThat(rsaAdmin.get("/v1/tokens").status()).isEqualTo(200);
    Api ecReader =
        as(
            JWSAlgorithm.ES256,
            new ECDSASigner(ec),
            "ec-1",
            claims("bi").claim("roles", List.of("read")).build());
    assertThat(ecReader.get("/v1/golden-record/policies").status()).isEqualTo(200);

    RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    Api forged =
        as(
            JWSAlgorithm.RS256,
            new RSASSASigner(stranger),
            "rsa-1",
            claims("ops").claim("roles", "admin").build());
    assertThat(forged.get("/v1/tokens").status()).isEqualTo(401);
  }

  @Test
  void expiredNotYetValidAndForeignTokensAreRefused() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    var expired =
        hs256(c -> c.claim("roles", "read").expirationTime(Date.from(past)))
            .get("/v1/dead-letters");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().get("error").asText()).contains("JWT refused").contains("xpired");

    Instant later = Instant.now().plusSeconds(3600);
    assertThat(
            hs256(c -> c.claim("roles", "read").notBeforeTime(Date.from(later)))
                .get("/v1/dead-letters")
                .status())
        .isEqualTo(401);
    assertThat(
            hs256(c -> c.claim("roles", "read").issuer("https://evil.test"))
                .get("/v1/dead-letters")
                .status())
        .isEqualTo(401);
    assertThat(
            hs256(c -> c.claim("roles", "read").audience("other")).get("/v1/dead-letters").status())
        .isEqualTo(401);
    assertThat(
            hs256(c -> c.claim("roles", "read").expirationTime(null))
                .get("/v1/dead-letters")
                .status())
        .isEqualTo(401);
    Api wrongSecret =
        as(
            JWSAlgorithm.HS256,
            new MACSigner(new byte[32]),
            null,
            claims("alice").claim("roles", "read").build());
    assertThat(wrongSecret.get("/v1/dead-letters").status()).isEqualTo(401);
  }

  @Test
  void anIngestJwtIsHeldToTheSourcesOfItsClaim() throws Exception {
    Api till = hs256(c -> c.claim("roles", List.of("ingest")).claim("sources", List.of("pos")));
    var reply =
        till.postNdjson(
            sale("jwt-1", "S001", "SKU-1", 1)
                + "\n"
                + sale("jwt-2", "S001", "SKU-1", 1).replace("}", ",\"source\":\"erp\"}"));
    assertThat(reply.json().get("accepted").asInt()).isEqualTo(1);
    assertThat(reply.json().get("rejected").asInt()).isEqualTo(1);
    assertThat(reply.body()).contains("outside this token's source scope [pos]");
  }
}
