package io.shelfstream.http.tls;

import io.shelfstream.engine.secrets.SecretResolver;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.HttpsConnectionContext;

/**
 * The server side of the API's TLS: the key and certificate of the node's keystore, offered with
 * TLS 1.3 and 1.2 only. Loaded before the node starts, so that a keystore problem stops the start
 * instead of leaving the API on plain HTTP.
 */
public final class ServerTls {
  /** Older versions are broken; the JDK disables them by default, and we do not rely on that. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLContext context;
  private final X509Certificate certificate;
  private final String[] protocols;

  private ServerTls(SSLContext context, X509Certificate certificate) {
    this.context = context;
    this.certificate = certificate;
    List<String> supported = List.of(context.getSupportedSSLParameters().getProtocols());
    this.protocols = PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new);
  }

  /** Opens the keystore of {@code settings}, its password resolved by {@code secrets}. */
  public static ServerTls load(HttpsSettings settings, SecretResolver secrets) {
    char[] password =
        secrets.resolve(HttpsSettings.KEYSTORE_PASSWORD, settings.keystorePassword()).toCharArray();
    try {
      KeystoreFile.Opened keystore = KeystoreFile.open(Path.of(settings.keystore()), password);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keystore.store(), password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return new ServerTls(
          context, (X509Certificate) keystore.store().getCertificate(keystore.keyAlias()));
    } catch (UnrecoverableKeyException e) {
      throw new IllegalArgumentException(
          HttpsSettings.KEYSTORE
              + ": the key in "
              + settings.keystore()
              + " has a password other than the keystore's; give it the same one"
              + " (keytool -keypasswd)");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          HttpsSettings.KEYSTORE + ": " + settings.keystore() + ": " + e.getMessage(), e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** What pekko-http serves HTTPS with: a fresh server engine per connection. */
  public HttpsConnectionContext connectionContext() {
    return ConnectionContext.httpsServer(this::newEngine);
  }

  SSLEngine newEngine() {
    SSLEngine engine = context.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setEnabledProtocols(protocols);
    return engine;
  }

  /** The certificate the node presents: its subject and validity, for the start-up log. */
  public String describe() {
    return "certificate "
        + certificate.getSubjectX500Principal().getName()
        + " valid until "
        + certificate.getNotAfter().toInstant()
        + ", "
        + String.join("/", protocols);
  }

  public boolean expired(Instant now) {
    return certificate.getNotAfter().toInstant().isBefore(now);
  }
}
