package io.shelfstream.http.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS12 keystore made by the JDK's own {@code keytool}, with the README's command, and its
 * certificate exported as PEM: what a user does to serve the API over HTTPS.
 */
public record TestKeystore(Path keystore, Path certificate, Path passwordFile) {
  public static final String ALIAS = "shelfstream";

  /** A keystore for {@code localhost} and {@code 127.0.0.1} in {@code dir}. */
  public static TestKeystore create(Path dir, String password) throws IOException {
    Path keystore = dir.resolve("shelfstream.p12");
    Path certificate = dir.resolve("shelfstream.pem");
    Path passwordFile = dir.resolve("keystore-password");
    keytool(
        "-genkeypair",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        password,
        "-alias",
        ALIAS,
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "365");
    keytool(
        "-exportcert",
        "-rfc",
        "-keystore",
        keystore.toString(),
        "-storepass",
        password,
        "-alias",
        ALIAS,
        "-file",
        certificate.toString());
    Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
    return new TestKeystore(keystore, certificate, passwordFile);
  }

  /** A PKCS12 file holding only this keystore's certificate, no key. */
  public Path certificateOnly(Path file, String password) throws IOException {
    keytool(
        "-importcert",
        "-noprompt",
        "-storetype",
        "PKCS12",
        "-keystore",
        file.toString(),
        "-storepass",
        password,
        "-alias",
        ALIAS,
        "-file",
        certificate.toString());
    return file;
  }

  /** A client's TLS that trusts this keystore's certificate, and only it. */
  public SSLContext trustingIt() throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream pem = Files.newInputStream(certificate)) {
      Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(pem);
      trusted.setCertificateEntry(ALIAS, cert);
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool did not finish within 60s: " + command);
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IOException("keytool failed (" + process.exitValue() + "): " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
  }
}
