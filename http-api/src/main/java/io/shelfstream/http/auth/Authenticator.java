package io.shelfstream.http.auth;

import io.shelfstream.http.auth.jwt.JwtVerifier;
import io.shelfstream.http.auth.tokens.ApiToken;
import io.shelfstream.http.auth.tokens.TokenRegistry;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns an {@code Authorization} header into a {@link Verdict}: the configured admin token, an API
 * token ({@code sst_...}) or, when configured, a JWT. Once per request; a cached API token costs a
 * SHA-256 and no query.
 */
public final class Authenticator {
  private static final String BEARER = "Bearer ";
  private static final Principal CONFIGURED_ADMIN =
      new Principal(
          "configured admin token", "configured-admin", Set.of(Role.ADMIN), Set.of(), Set.of());

  private final Optional<byte[]> adminDigest;
  private final TokenRegistry tokens;
  private final Optional<JwtVerifier> jwt;

  public Authenticator(
      Optional<String> adminToken, TokenRegistry tokens, Optional<JwtVerifier> jwt) {
    this.adminDigest = adminToken.map(ApiToken::digest);
    this.tokens = tokens;
    this.jwt = jwt;
  }

  public CompletionStage<Verdict> authenticate(Optional<String> authorization) {
    if (authorization.isEmpty()) {
      return refuse("no credential: send the header Authorization: Bearer <token>");
    }
    String header = authorization.get();
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return refuse("the Authorization header must be Bearer <token>");
    }
    String token = header.substring(BEARER.length()).strip();
    if (adminDigest.isPresent()
        && MessageDigest.isEqual(adminDigest.get(), ApiToken.digest(token))) {
      return CompletableFuture.completedFuture(new Verdict.Authenticated(CONFIGURED_ADMIN));
    }
    Optional<ApiToken.Parts> parts = ApiToken.parse(token);
    if (parts.isPresent()) {
      return apiToken(parts.get());
    }
    if (jwt.isPresent() && token.chars().filter(c -> c == '.').count() == 2) {
      try {
        return CompletableFuture.completedFuture(
            new Verdict.Authenticated(jwt.get().verify(token)));
      } catch (JwtVerifier.Refused refused) {
        return refuse(refused.getMessage());
      }
    }
    return refuse(
        "the bearer token is neither an API token (sst_...)"
            + (jwt.isPresent() ? " nor a JWT" : " nor the admin token; JWTs are not configured"));
  }

  private CompletionStage<Verdict> apiToken(ApiToken.Parts parts) {
    return tokens
        .find(parts.id())
        .thenApply(
            found -> {
              if (found.isEmpty() || !ApiToken.matches(found.get(), parts.secret())) {
                return new Verdict.Unauthenticated("unknown API token");
              }
              var token = found.get();
              if (token.revoked()) {
                return new Verdict.Unauthenticated("API token " + token.id() + " is revoked");
              }
              Role role = Role.parse(token.role()).orElseThrow();
              return new Verdict.Authenticated(
                  new Principal(
                      "token "
                          + token.id()
                          + (token.name().isEmpty() ? "" : " (" + token.name() + ")"),
                      "token:" + token.id(),
                      Set.of(role),
                      Set.copyOf(token.sources()),
                      Set.copyOf(token.stores())));
            });
  }

  private static CompletionStage<Verdict> refuse(String reason) {
    return CompletableFuture.completedFuture(new Verdict.Unauthenticated(reason));
  }
}
