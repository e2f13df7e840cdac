package io.shelfstream.http.tls;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.TestKeystore;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A keystore the node cannot use stops its start, with a message naming the setting to fix, and
 * never a password: the node does not fall back to plain HTTP.
 */
class HttpsStartFailuresTest {
  private static final String PASSWORD = "right-pass-8841";
  private static Path dir;
  private static TestKeystore keystore;
  private static TestDatabase db;

  @BeforeAll
  static void setUp() throws Exception {
    dir = Files.createTempDirectory("shelfstream-tls-bad-");
    keystore = TestKeystore.create(dir, PASSWORD);
    db = TestDatabase.h2();
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void aWrongPasswordNamesThePasswordSetting() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong-password"), "wrong-pass-1234");

    assertThatThrownBy(() -> start(keystore.keystore(), "file:" + wrong, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shelfstream.http.https.keystore-password")
        .hasMessageContaining("wrong password")
        .hasMessageNotContaining("wrong-pass-1234");
  }

  @Test
  void aMissingKeystoreNamesTheKeystoreSettingAndThePath() {
    Path missing = dir.resolve("no-such.p12");

    assertThatThrownBy(() -> start(missing, passwordFile(), Map.of()))
        .hasMessageContaining("shelfstream.http.https.keystore:")
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("keytool -genkeypair");
  }

  @Test
  void aKeystoreWithoutAKeyIsRefused() throws Exception {
    Path certOnly = keystore.certificateOnly(dir.resolve("cert-only.p12"), PASSWORD);

    assertThatThrownBy(() -> start(certOnly, passwordFile(), Map.of()))
        .hasMessageContaining("shelfstream.http.https.keystore:")
        .hasMessageContaining("holds no private key");
  }

  @Test
  void aFileThatIsNoKeystoreIsRefused() throws Exception {
    Path pem = keystore.certificate();

    assertThatThrownBy(() -> start(pem, passwordFile(), Map.of()))
        .hasMessageContaining("shelfstream.http.https.keystore:")
        .hasMessageContaining("cannot be read as a PKCS12 keystore");
  }

  @Test
  void aPasswordWrittenInlineIsRefused() {
    assertThatThrownBy(() -> start(keystore.keystore(), PASSWORD, Map.of()))
        .hasMessageContaining("shelfstream.http.https.keystore-password: must be a reference")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void aMissingPasswordVariableNamesIt() {
    assertThatThrownBy(
            () -> start(keystore.keystore(), "${env:SHELFSTREAM_TEST_NO_SUCH_VARIABLE}", Map.of()))
        .hasMessageContaining("shelfstream.http.https.keystore-password")
        .hasMessageContaining("SHELFSTREAM_TEST_NO_SUCH_VARIABLE");
  }

  @Test
  void httpsWithoutAKeystoreSettingSaysHowToGiveOne() {
    assertThatThrownBy(() -> start(Path.of(""), passwordFile(), Map.of()))
        .hasMessageContaining("shelfstream.http.https.keystore: is not set")
        .hasMessageContaining("SHELFSTREAM_HTTPS_KEYSTORE");
  }

  @Test
  void turningBothOffIsRefused() {
    Map<String, Object> bothOff =
        Map.of("shelfstream.http.plain.enabled", false, "shelfstream.http.https.enabled", false);

    assertThatThrownBy(() -> start(keystore.keystore(), passwordFile(), bothOff))
        .hasMessageContaining("shelfstream.http.plain.enabled")
        .hasMessageContaining("both off");
  }

  @Test
  void httpAndHttpsOnOnePortAreRefused() {
    Map<String, Object> samePort =
        Map.of(
            "shelfstream.http.plain.enabled",
            true,
            "shelfstream.http.port",
            18443,
            "shelfstream.http.https.port",
            18443);

    assertThatThrownBy(() -> start(keystore.keystore(), passwordFile(), samePort))
        .hasMessageContaining("shelfstream.http.https.port: 18443 is also shelfstream.http.port");
  }

  private static String passwordFile() {
    return "file:" + keystore.passwordFile();
  }

  private static void start(Path keystoreFile, String password, Map<String, Object> extra)
      throws Exception {
    Map<String, Object> settings = new HashMap<>();
    settings.put("shelfstream.http.plain.enabled", false);
    settings.put("shelfstream.http.https.enabled", true);
    settings.put("shelfstream.http.https.port", 0);
    settings.put("shelfstream.http.https.keystore", keystoreFile.toString());
    settings.put("shelfstream.http.https.keystore-password", password);
    settings.putAll(extra);
    // a start that wrongly succeeded must not leave a node running
    try (ShelfstreamNode started =
        ShelfstreamNode.start(
            TestNode.config(
                db.settings(), Files.createTempDirectory("shelfstream-tls-"), settings))) {
      throw new AssertionError("the node started on " + started.urls());
    }
  }
}
