package io.shelfstream.http.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The node's PKCS12 keystore, opened with the errors a user can act on: no such file, not a
 * keystore, a wrong password, no key or several keys in it. Each names the setting to fix.
 */
final class KeystoreFile {
  private KeystoreFile() {}

  /** The keystore at {@code file}, holding exactly one private key; its alias is returned. */
  record Opened(KeyStore store, String keyAlias) {}

  static Opened open(Path file, char[] password) {
    KeyStore store = load(file, password);
    return new Opened(store, onlyKeyAlias(store, file));
  }

  private static KeyStore load(Path file, char[] password) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          HttpsSettings.KEYSTORE
              + ": there is no keystore file at "
              + file.toAbsolutePath()
              + " (make one with keytool -genkeypair, as the README shows)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException(
            HttpsSettings.KEYSTORE_PASSWORD
                + ": the password it refers to does not open the keystore "
                + file.toAbsolutePath()
                + " (wrong password)");
      }
      throw new IllegalArgumentException(
          HttpsSettings.KEYSTORE
              + ": "
              + file.toAbsolutePath()
              + " cannot be read as a PKCS12 keystore: "
              + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          HttpsSettings.KEYSTORE
              + ": "
              + file.toAbsolutePath()
              + " cannot be read as a PKCS12 keystore: "
              + e.getMessage());
    }
  }

  private static String onlyKeyAlias(KeyStore store, Path file) {
    try {
      List<String> keys = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          keys.add(alias);
        }
      }
      if (keys.isEmpty()) {
        throw new IllegalArgumentException(
            HttpsSettings.KEYSTORE
                + ": "
                + file.toAbsolutePath()
                + " holds no private key, only "
                + store.size()
                + " certificate(s): the node needs its key and certificate"
                + " (keytool -genkeypair, or openssl pkcs12 -export with -inkey)");
      }
      if (keys.size() > 1) {
        // the JDK would pick one of them silently; the user should say which
        throw new IllegalArgumentException(
            HttpsSettings.KEYSTORE
                + ": "
                + file.toAbsolutePath()
                + " holds "
                + keys.size()
                + " private keys "
                + keys
                + ": keep only the node's (keytool -delete -alias ...)");
      }
      return keys.get(0);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          HttpsSettings.KEYSTORE + ": " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
