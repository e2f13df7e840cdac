package io.shelfstream.http.auth;

import com.typesafe.config.Config;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.http.auth.jwt.JwtSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code shelfstream.security}: whether requests need credentials (on unless turned off
 * explicitly), the configured admin token, how long a token's row is cached, JWT keys and rate
 * limits. Read and checked before the node starts.
 */
public record SecuritySettings(
    boolean enabled,
    Optional<String> adminToken,
    Duration tokenCacheTtl,
    JwtSettings jwt,
    RateLimitSettings rateLimit) {

  /** A configured admin token shorter than this is too easy to guess. */
  static final int MIN_ADMIN_TOKEN_CHARS = 32;

  public record RateLimitSettings(boolean enabled, double requestsPerSecond, int burst) {}

  public static SecuritySettings fromConfig(Config config, SecretResolver secrets) {
    Config security = config.getConfig("shelfstream.security");
    Optional<String> admin =
        SecretSetting.resolve(
            "shelfstream.security.admin-token", security.getString("admin-token"), secrets);
    if (admin.isPresent() && admin.get().length() < MIN_ADMIN_TOKEN_CHARS) {
      throw new IllegalArgumentException(
          "shelfstream.security.admin-token: the token it refers to is shorter than "
              + MIN_ADMIN_TOKEN_CHARS
              + " characters; use a random one (e.g. openssl rand -hex 32)");
    }
    Config rate = security.getConfig("rate-limit");
    var rateLimit =
        new RateLimitSettings(
            rate.getBoolean("enabled"),
            rate.getDouble("requests-per-second"),
            rate.getInt("burst"));
    if (rateLimit.enabled() && (rateLimit.requestsPerSecond() <= 0 || rateLimit.burst() < 1)) {
      throw new IllegalArgumentException(
          "shelfstream.security.rate-limit: requests-per-second must be above 0 and burst at"
              + " least 1");
    }
    return new SecuritySettings(
        security.getBoolean("enabled"),
        admin,
        security.getDuration("token-cache-ttl"),
        JwtSettings.fromConfig(config, secrets),
        rateLimit);
  }
}
