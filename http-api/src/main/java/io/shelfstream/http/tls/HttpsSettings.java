package io.shelfstream.http.tls;

import com.typesafe.config.Config;
import io.shelfstream.engine.secrets.SecretReference;

/**
 * {@code shelfstream.http.https}: whether the API is also (or only) served over HTTPS, on which
 * port, with the key and certificate of which PKCS12 keystore. The keystore's password is a secret
 * reference ({@code ${env:NAME}} or {@code file:/path}), resolved only when the node starts.
 */
public record HttpsSettings(boolean enabled, int port, String keystore, String keystorePassword) {
  static final String PATH = "shelfstream.http.https";
  static final String KEYSTORE = PATH + ".keystore";
  static final String KEYSTORE_PASSWORD = PATH + ".keystore-password";

  public static HttpsSettings fromConfig(Config root) {
    Config https = root.getConfig(PATH);
    HttpsSettings settings =
        new HttpsSettings(
            https.getBoolean("enabled"),
            https.getInt("port"),
            https.getString("keystore").strip(),
            https.getString("keystore-password").strip());
    if (settings.enabled()) {
      settings.check();
    }
    return settings;
  }

  private void check() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(PATH + ".port: must be 0 to 65535, got " + port);
    }
    if (keystore.isEmpty()) {
      throw new IllegalArgumentException(
          KEYSTORE
              + ": is not set; HTTPS needs a PKCS12 keystore file (SHELFSTREAM_HTTPS_KEYSTORE),"
              + " made with keytool as the README shows");
    }
    SecretReference.problem(keystorePassword)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(KEYSTORE_PASSWORD + ": " + problem);
            });
    if (!SecretReference.isReference(keystorePassword)) {
      // the value is deliberately not quoted: it may be the password itself
      throw new IllegalArgumentException(
          KEYSTORE_PASSWORD
              + ": must be a reference to the password, \"${env:NAME}\" or \"file:/absolute/path\","
              + " not the password itself (by default: the variable SHELFSTREAM_KEYSTORE_PASSWORD)");
    }
  }
}
