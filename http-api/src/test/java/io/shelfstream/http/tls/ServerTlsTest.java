package io.shelfstream.http.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.http.testkit.TestKeystore;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTlsTest {
  @Test
  void offersTls13And12OnlyAndReadsThePasswordFromTheEnvironment() throws Exception {
    TestKeystore keystore =
        TestKeystore.create(Files.createTempDirectory("shelfstream-tls-unit-"), "env-pass-7710");
    HttpsSettings settings =
        new HttpsSettings(
            true, 0, keystore.keystore().toString(), "${env:SHELFSTREAM_KEYSTORE_PASSWORD}");
    SecretResolver environment =
        new SecretResolver(Map.of("SHELFSTREAM_KEYSTORE_PASSWORD", "env-pass-7710")::get);

    ServerTls tls = ServerTls.load(settings, environment);

    assertThat(tls.newEngine().getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    assertThat(tls.newEngine().getUseClientMode()).isFalse();
    assertThat(tls.describe()).contains("CN=localhost").doesNotContain("env-pass-7710");
  }
}
