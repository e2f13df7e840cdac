package io.shelfstream.http.tls;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestKeystore;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API over HTTPS, on a real node, with a keystore made by keytool as docs/security.md shows.
 */
class HttpsNodeTest {
  private static final String PASSWORD = "keystore-pass-5519";
  private static TestKeystore keystore;
  private static SSLContext trusting;

  @BeforeAll
  static void makeKeystore() throws Exception {
    keystore = TestKeystore.create(Files.createTempDirectory("shelfstream-tls-"), PASSWORD);
    trusting = keystore.trustingIt();
  }

  @Test
  void httpsOnlyServesTheApiToClientsThatTrustItsCertificate() throws Exception {
    try (TestDatabase db = TestDatabase.h2();
        ShelfstreamNode node = start(db, Map.of("shelfstream.http.plain.enabled", false))) {
      int port = node.httpsAddress().getPort();
      Api api = new Api("https://127.0.0.1:" + port, trusting);

      assertThat(api.get("/health").status()).isEqualTo(200);
      Api.Reply ingested = api.postNdjson(sale("tls-1", "S001", "SKU-1", 2));
      assertThat(ingested.status()).isEqualTo(200);
      assertThat(ingested.json().get("accepted").asInt()).isEqualTo(1);
      assertThat(new Api("https://localhost:" + port, trusting).get("/health").status())
          .isEqualTo(200);

      assertThat(plainHttpAnswer(port)).doesNotStartWith("HTTP/");
      assertThatThrownBy(() -> new Api("https://127.0.0.1:" + port).get("/health"))
          .hasCauseInstanceOf(SSLHandshakeException.class);
      assertThatThrownBy(node::httpAddress).hasMessageContaining("plain HTTP is off");
    }
  }

  @Test
  void withBothOnTheApiIsServedOverHttpAndHttps() throws Exception {
    try (TestDatabase db = TestDatabase.h2();
        ShelfstreamNode node = start(db, Map.of())) {
      Api plain = new Api(TestNode.baseUrl(node));
      Api https = new Api("https://127.0.0.1:" + node.httpsAddress().getPort(), trusting);

      assertThat(plain.get("/health").status()).isEqualTo(200);
      assertThat(https.get("/health").status()).isEqualTo(200);
      assertThat(
              plain.postNdjson(sale("both-1", "S001", "SKU-1", 1)).json().get("accepted").asInt())
          .isEqualTo(1);
      assertThat(
              https.postNdjson(sale("both-2", "S001", "SKU-1", 1)).json().get("accepted").asInt())
          .isEqualTo(1);
      assertThat(node.urls()).contains("http://127.0.0.1:", "https://127.0.0.1:");
    }
  }

  /** What a plain HTTP request to {@code port} gets back: at most a TLS alert, never HTTP. */
  private static String plainHttpAnswer(int port) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      int read;
      while (answer.size() < 64 * 1024 && (read = in.read(buffer)) >= 0) {
        answer.write(buffer, 0, read);
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private static ShelfstreamNode start(TestDatabase db, Map<String, Object> extra)
      throws Exception {
    Path data = Files.createTempDirectory("shelfstream-tls-node-");
    Map<String, Object> settings = new HashMap<>(httpsOn(keystore.keystore()));
    settings.putAll(extra);
    return ShelfstreamNode.start(TestNode.config(db.settings(), data, settings));
  }

  static Map<String, Object> httpsOn(Path keystoreFile) {
    return Map.of(
        "shelfstream.http.https.enabled",
        true,
        "shelfstream.http.https.port",
        0,
        "shelfstream.http.https.keystore",
        keystoreFile.toString(),
        "shelfstream.http.https.keystore-password",
        "file:" + keystore.passwordFile());
  }
}
