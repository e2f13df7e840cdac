package io.shelfstream.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shelfstream.engine.secrets.SecretResolver;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {
  private static final SecretResolver ENV =
      new SecretResolver(
          Map.of("ADMIN", "a".repeat(40), "SHORT", "too-short", "JWT", "j".repeat(20))::get);

  private static Config config(Map<String, Object> settings) {
    ConfigFactory.invalidateCaches();
    return ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load());
  }

  @Test
  void securityIsOnByDefaultWithNoAdminTokenAndNoJwt() {
    var settings = SecuritySettings.fromConfig(config(Map.of()), ENV);
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.adminToken()).isEmpty();
    assertThat(settings.jwt().enabled()).isFalse();
    assertThat(settings.rateLimit().enabled()).isTrue();
  }

  @Test
  void theAdminTokenIsAReferenceToALongSecret() {
    var settings =
        SecuritySettings.fromConfig(
            config(Map.of("shelfstream.security.admin-token", "${env:ADMIN}")), ENV);
    assertThat(settings.adminToken()).contains("a".repeat(40));

    assertThatThrownBy(
            () ->
                SecuritySettings.fromConfig(
                    config(Map.of("shelfstream.security.admin-token", "b".repeat(40))), ENV))
        .hasMessageContaining("shelfstream.security.admin-token: must be a reference")
        .hasMessageNotContaining("b".repeat(40));
    assertThatThrownBy(
            () ->
                SecuritySettings.fromConfig(
                    config(Map.of("shelfstream.security.admin-token", "${env:SHORT}")), ENV))
        .hasMessageContaining("shorter than 32 characters");
  }

  @Test
  void anHs256SecretShorterThan32BytesIsRefused() {
    assertThatThrownBy(
            () ->
                SecuritySettings.fromConfig(
                    config(Map.of("shelfstream.security.jwt.hs256-secret", "${env:JWT}")), ENV))
        .hasMessageContaining("HS256 needs at least 32");
  }
}
