package io.shelfstream.sources.files.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server in the test's JVM (Apache MINA SSHD on loopback, a random port, a generated
 * host key) serving a temporary directory as its root, with one user who logs in by password or
 * key. It can be restarted on the same port, with the same or a new host key, and counts the bytes
 * it serves so that tests can see what a client actually read.
 */
public final class SftpTestServer implements AutoCloseable {
  public static final String USER = "feeds";
  public static final String PASSWORD = "s3cret-Pa55";

  private final Path root;
  private final KeyPair userKey;
  private final AtomicLong bytesServed = new AtomicLong();
  private final AtomicLong firstReadOffset = new AtomicLong(-1);
  private KeyPair hostKey;
  private Integer sftpVersion;
  private KeyPair otherHostKey;
  private SshServer server;
  private int port;

  public SftpTestServer(Path root) throws IOException, GeneralSecurityException {
    this.root = root;
    this.userKey = newKey();
    this.hostKey = newKey();
    start(0);
  }

  public static KeyPair newKey() throws GeneralSecurityException {
    return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
  }

  public Path root() {
    return root;
  }

  public int port() {
    return port;
  }

  public PublicKey hostKey() {
    return hostKey.getPublic();
  }

  public long bytesServed() {
    return bytesServed.get();
  }

  public long firstReadOffset() {
    return firstReadOffset.get();
  }

  public void resetCounters() {
    bytesServed.set(0);
    firstReadOffset.set(-1);
  }

  /** The known_hosts line that trusts this server's current key, as ssh-keyscan writes it. */
  public String knownHostsLine() {
    return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  /** Writes the user's key in OpenSSH format, encrypted when a passphrase is given. */
  public void writeUserKey(Path file, String passphrase)
      throws IOException, GeneralSecurityException {
    OpenSSHKeyEncryptionContext encryption = null;
    if (passphrase != null) {
      encryption = new OpenSSHKeyEncryptionContext();
      encryption.setCipherName("AES");
      encryption.setCipherType("256");
      encryption.setCipherMode("CTR");
      encryption.setPassword(passphrase);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "feeds@test", encryption, out);
    }
  }

  /** Stops the server, as a crash or a restart of the real one would, closing every session. */
  public void stop() throws IOException {
    server.stop(true);
  }

  /**
   * Restarts offering an ECDSA host key besides its ed25519 one, as most OpenSSH servers offer
   * several; {@link #knownHostsLine()} still lists only the ed25519 one.
   */
  public void restartOfferingAnEcdsaKeyToo() throws IOException, GeneralSecurityException {
    otherHostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    restart(false);
  }

  /** Restarts speaking only SFTP {@code version}: 3 is what OpenSSH speaks. */
  public void restartWithSftpVersion(int version) throws IOException, GeneralSecurityException {
    sftpVersion = version;
    restart(false);
  }

  /** Starts again on the same port; with a new host key if {@code newHostKey}. */
  public void restart(boolean newHostKey) throws IOException, GeneralSecurityException {
    server.stop(true);
    if (newHostKey) {
      hostKey = newKey();
    }
    start(port);
  }

  private void start(int onPort) throws IOException {
    SftpSubsystemFactory sftp = new SftpSubsystemFactory();
    sftp.addSftpEventListener(
        new SftpEventListener() {
          @Override
          public void read(
              ServerSession session,
              String remoteHandle,
              FileHandle localHandle,
              long offset,
              byte[] data,
              int dataOffset,
              int dataLen,
              int readLen,
              Throwable thrown) {
            firstReadOffset.compareAndSet(-1, offset);
            bytesServed.addAndGet(Math.max(0, readLen));
          }
        });
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(onPort);
    server.setKeyPairProvider(
        otherHostKey == null
            ? KeyPairProvider.wrap(hostKey)
            : KeyPairProvider.wrap(otherHostKey, hostKey));
    server.setPasswordAuthenticator(
        (user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
    server.setPublickeyAuthenticator(
        (user, offered, session) ->
            USER.equals(user) && KeyUtils.compareKeys(offered, userKey.getPublic()));
    server.setSubsystemFactories(List.of(sftp));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    if (sftpVersion != null) {
      SftpModuleProperties.SFTP_VERSION.set(server, sftpVersion);
    }
    server.start();
    port = server.getPort();
  }

  /** Writes a file under the server's root: aside, then renamed in, as a careful sender does. */
  public Path put(String path, String content) throws IOException {
    return put(path, content, null);
  }

  /** Writes a file as {@link #put(String, String)} does, modified at {@code modified}. */
  public Path put(String path, String content, Instant modified) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Path staged = Files.createTempFile(root, ".staged-", ".tmp");
    Files.writeString(staged, content, StandardCharsets.UTF_8);
    if (modified != null) {
      Files.setLastModifiedTime(staged, FileTime.from(modified));
    }
    return Files.move(
        staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
