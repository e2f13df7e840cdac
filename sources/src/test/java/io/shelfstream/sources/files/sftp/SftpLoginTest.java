package io.shelfstream.sources.files.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in to a real SFTP server: by password and by key, the server's key checked against a
 * known_hosts file, every refusal saying what to fix and never quoting a secret.
 */
class SftpLoginTest {
  @TempDir Path tempDir;
  private SftpFixture sftp;

  @BeforeEach
  void startServer() throws IOException, GeneralSecurityException {
    sftp = new SftpFixture(tempDir);
    sftp.server.put("in/INV_SNAPSHOT_1.csv", "date,product_id\n");
  }

  @AfterEach
  void stopServer() throws IOException {
    sftp.close();
  }

  @Test
  void logsInWithAPasswordFromAFile() throws IOException {
    try (SftpFileStore store = sftp.open()) {
      assertThat(store.list())
          .extracting(file -> file.name())
          .containsExactly("INV_SNAPSHOT_1.csv");
      assertThat(store.describe())
          .isEqualTo("sftp://feeds@127.0.0.1:" + sftp.server.port() + "/in");
    }
  }

  @Test
  void logsInWithAPasswordFromAnEnvironmentVariable() throws IOException {
    ObjectNode settings = sftp.settings();
    settings.remove("password-file");
    settings.put("password-env", "FEEDS_PASSWORD");
    Map<String, String> environment = Map.of("FEEDS_PASSWORD", SftpTestServer.PASSWORD);
    try (SftpFileStore store = new SftpStoreKind(environment::get).open(settings)) {
      assertThat(store.list()).hasSize(1);
    }
    assertThatThrownBy(() -> new SftpStoreKind(name -> null).open(settings))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "password-env: the environment variable FEEDS_PASSWORD is not set on this node");
  }

  @Test
  void logsInWithAKey() throws Exception {
    Path key = tempDir.resolve("id_ed25519");
    sftp.server.writeUserKey(key, null);
    ObjectNode settings = sftp.settings();
    settings.remove("password-file");
    settings.put("private-key-file", key.toString());
    try (SftpFileStore store = new SftpStoreKind().open(settings)) {
      assertThat(store.list()).hasSize(1);
    }
  }

  @Test
  void logsInWithAnEncryptedKeyAndItsPassphrase() throws Exception {
    Path key = tempDir.resolve("id_ed25519");
    sftp.server.writeUserKey(key, "key-Passphrase-9");
    ObjectNode settings = sftp.settings();
    settings.remove("password-file");
    settings.put("private-key-file", key.toString());
    assertThatThrownBy(() -> new SftpStoreKind().open(settings))
        .hasMessageStartingWith("private-key-file: cannot load the key in " + key)
        .hasMessageContaining("passphrase-env or passphrase-file");

    settings.put("passphrase-file", Files.writeString(tempDir.resolve("pp"), "wrong").toString());
    assertThatThrownBy(() -> new SftpStoreKind().open(settings))
        .hasMessageContaining("check the passphrase in passphrase-file=")
        .hasMessageNotContaining("wrong");

    Files.writeString(tempDir.resolve("pp"), "key-Passphrase-9\n");
    try (SftpFileStore store = new SftpStoreKind().open(settings)) {
      assertThat(store.list()).hasSize(1);
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithoutQuotingIt() throws IOException {
    Files.writeString(sftp.passwordFile, "not-the-Password");
    assertThatThrownBy(sftp::open)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(
            "login failed: the SFTP server at 127.0.0.1:"
                + sftp.server.port()
                + " refused user \"feeds\" with the password of password-file="
                + sftp.passwordFile
                + ": check the user and the credentials")
        .hasMessageNotContaining("not-the-Password");
  }

  @Test
  void anUnknownHostKeyIsRefusedNamingItsFingerprint() throws IOException {
    Files.writeString(sftp.knownHosts, "");
    PublicKey key = sftp.server.hostKey();
    assertThatThrownBy(sftp::open)
        .isInstanceOf(IOException.class)
        .hasMessage(
            "host key refused: the server at 127.0.0.1:"
                + sftp.server.port()
                + " offered the ssh-ed25519 key "
                + KeyUtils.getFingerPrint(key)
                + ", which known-hosts ("
                + sftp.knownHosts
                + ") does not list for this host. If that is the server's key (check the"
                + " fingerprint with its administrator), add it with: ssh-keyscan -p "
                + sftp.server.port()
                + " 127.0.0.1 >> "
                + sftp.knownHosts);
    assertThat(KeyUtils.getFingerPrint(key)).startsWith("SHA256:");
    assertThat(sftp.knownHosts).isEmptyFile(); // nothing is trusted on first use
  }

  @Test
  void aChangedHostKeyIsRefusedNamingBothFingerprints() throws Exception {
    PublicKey trusted = sftp.server.hostKey();
    sftp.server.restart(true);
    PublicKey offered = sftp.server.hostKey();
    assertThatThrownBy(sftp::open)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(
            "host key refused: the server at 127.0.0.1:"
                + sftp.server.port()
                + " offered the ssh-ed25519 key "
                + KeyUtils.getFingerPrint(offered)
                + " but known-hosts ("
                + sftp.knownHosts
                + ") expects the ssh-ed25519 key "
                + KeyUtils.getFingerPrint(trusted)
                + ". The key CHANGED")
        .hasMessageContaining("ssh-keygen -R '[127.0.0.1]:" + sftp.server.port() + "'");

    sftp.trustCurrentKey();
    try (SftpFileStore store = sftp.open()) {
      assertThat(store.list()).hasSize(1);
    }
  }

  @Test
  void aServerOfferingSeveralHostKeysShowsTheOneKnownHostsLists() throws Exception {
    // MINA prefers ECDSA to ed25519: without known_hosts' types first, this is a "changed" key
    sftp.server.restartOfferingAnEcdsaKeyToo();
    assertThat(sftp.server.knownHostsLine()).contains("ssh-ed25519").doesNotContain("ecdsa");
    try (SftpFileStore store = sftp.open()) {
      assertThat(store.list()).hasSize(1);
    }
  }

  @Test
  void anyKeyIsTrustedOnlyWhenCheckingIsTurnedOff() throws IOException {
    Files.writeString(sftp.knownHosts, "");
    ObjectNode settings = sftp.settings();
    settings.remove("known-hosts");
    settings.put("strict-host-key-checking", false);
    try (SftpFileStore store = new SftpStoreKind().open(settings)) {
      assertThat(store.list()).hasSize(1);
    }
  }

  @Test
  void aMissingKnownHostsFileIsNamed() throws IOException {
    Files.delete(sftp.knownHosts);
    assertThatThrownBy(sftp::open)
        .hasMessageStartingWith("known-hosts: cannot read " + sftp.knownHosts);
  }

  @Test
  void anUnreachableServerIsNamed() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ObjectNode settings = sftp.settings();
    settings.put("port", closedPort);
    assertThatThrownBy(() -> new SftpStoreKind().open(settings))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot reach the SFTP server at 127.0.0.1:" + closedPort);
  }

  @Test
  void aMissingRemoteDirIsNamed() throws IOException {
    ObjectNode settings = sftp.settings();
    settings.put("remote-dir", "/outbound");
    assertThatThrownBy(() -> new SftpStoreKind().open(settings))
        .hasMessage(
            "remote-dir: /outbound on 127.0.0.1:"
                + sftp.server.port()
                + " (user feeds) does not exist");
    sftp.server.put("a-file", "x");
    settings.put("remote-dir", "/a-file");
    assertThatThrownBy(() -> new SftpStoreKind().open(settings))
        .hasMessageEndingWith(
            "/a-file on 127.0.0.1:" + sftp.server.port() + " (user feeds) is not a directory");
  }

  @Test
  void aStoreWhoseServerRestartedFailsClearlyAndANewOneWorks() throws Exception {
    SftpFileStore before = sftp.open();
    assertThat(before.list()).hasSize(1);

    sftp.server.restart(false);

    assertThatThrownBy(before::list)
        .isInstanceOf(IOException.class)
        .hasMessage(
            before.describe()
                + ": the SFTP session was lost (the server closed it or stopped answering);"
                + " the store must be opened again");
    assertThat(before.isOpen()).isFalse();
    before.close();
    try (SftpFileStore after = sftp.open()) {
      assertThat(after.list()).hasSize(1);
    }
  }

  @Test
  void listingsCutByServerRestartsFailSayingTheSessionWasLost() throws Exception {
    ExecutorService lister = Executors.newSingleThreadExecutor();
    try {
      for (int round = 0; round < 5; round++) {
        SftpFileStore store = sftp.open();
        CountDownLatch listing = new CountDownLatch(1);
        Future<Throwable> failure =
            lister.submit(
                () -> {
                  try {
                    while (true) {
                      store.list();
                      listing.countDown();
                    }
                  } catch (IOException | RuntimeException e) {
                    return e;
                  }
                });
        assertThat(listing.await(30, TimeUnit.SECONDS)).isTrue();
        sftp.server.restart(false);
        assertThat(failure.get(60, TimeUnit.SECONDS))
            .isInstanceOf(IOException.class)
            .hasMessageEndingWith(
                "the SFTP session was lost (the server closed it or stopped"
                    + " answering); the store must be opened again");
        store.close();
      }
    } finally {
      lister.shutdownNow();
    }
  }

  @Test
  void aReadCutByTheServerFailsSayingTheSessionWasLost() throws Exception {
    sftp.server.put("in/big.csv", "x".repeat(16 * 1024 * 1024));
    try (SftpFileStore store = sftp.open();
        InputStream in = store.open("big.csv", 0)) {
      assertThat(in.readNBytes(1024)).hasSize(1024);
      sftp.server.stop();
      assertThatThrownBy(
              () -> {
                byte[] buffer = new byte[64 * 1024];
                for (int read = 0; read >= 0; read = in.read(buffer)) {
                  // drains what arrived before the server stopped, then fails
                }
              })
          .isInstanceOf(IOException.class)
          .hasMessageContaining("the SFTP session was lost");
    }
  }
}
