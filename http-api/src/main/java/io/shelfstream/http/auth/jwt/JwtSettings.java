package io.shelfstream.http.auth.jwt;

import com.typesafe.config.Config;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.http.auth.SecretSetting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code shelfstream.security.jwt}: where the keys of JWT bearer tokens come from (an HS256 shared
 * secret, a JWKS file or URL for RS256/ES256), the issuer and audience to insist on, and the names
 * of the claims that carry roles and scopes.
 */
public record JwtSettings(
    Optional<byte[]> hs256Secret,
    Optional<String> jwksFile,
    Optional<String> jwksUrl,
    Optional<String> issuer,
    Optional<String> audience,
    String rolesClaim,
    String scopeClaim,
    String sourcesClaim,
    String storesClaim,
    Duration clockSkew) {

  /** HS256 wants a key at least as long as its hash. */
  static final int MIN_SECRET_BYTES = 32;

  public boolean enabled() {
    return hs256Secret.isPresent() || jwksFile.isPresent() || jwksUrl.isPresent();
  }

  public static JwtSettings fromConfig(Config config, SecretResolver secrets) {
    Config jwt = config.getConfig("shelfstream.security.jwt");
    Optional<byte[]> secret =
        SecretSetting.resolve(
                "shelfstream.security.jwt.hs256-secret", jwt.getString("hs256-secret"), secrets)
            .map(value -> value.getBytes(StandardCharsets.UTF_8));
    if (secret.isPresent() && secret.get().length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "shelfstream.security.jwt.hs256-secret: the secret it refers to is "
              + secret.get().length
              + " bytes; HS256 needs at least "
              + MIN_SECRET_BYTES
              + " (e.g. openssl rand -base64 48)");
    }
    return new JwtSettings(
        secret,
        text(jwt, "jwks-file"),
        text(jwt, "jwks-url"),
        text(jwt, "issuer"),
        text(jwt, "audience"),
        jwt.getString("roles-claim"),
        jwt.getString("scope-claim"),
        jwt.getString("sources-claim"),
        jwt.getString("stores-claim"),
        jwt.getDuration("clock-skew"));
  }

  private static Optional<String> text(Config config, String path) {
    return config.hasPath(path) && !config.getString(path).isBlank()
        ? Optional.of(config.getString(path).strip())
        : Optional.empty();
  }
}
