package io.shelfstream.bench.files;

import io.shelfstream.devkit.net.LoopbackPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server in the bench's JVM (Apache MINA SSHD on loopback, a random port, an ed25519 host
 * key generated for the run) serving {@code root}, with one user whose random password is in a file
 * of mode 600, and a known_hosts file that trusts the key: what an operator hands the integration.
 */
final class LocalSftpServer implements AutoCloseable {
  static final String USER = "feeds";

  private final SshServer server;
  private final Path knownHosts;
  private final Path passwordFile;

  private LocalSftpServer(SshServer server, Path knownHosts, Path passwordFile) {
    this.server = server;
    this.knownHosts = knownHosts;
    this.passwordFile = passwordFile;
  }

  /** Serves {@code root}; the known_hosts and password files go to {@code secrets}. */
  static LocalSftpServer start(Path root, Path secrets)
      throws IOException, GeneralSecurityException {
    KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    byte[] secret = new byte[18];
    ThreadLocalRandom.current().nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost(LoopbackPorts.HOST);
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPasswordAuthenticator(
        (user, offered, session) -> USER.equals(user) && password.equals(offered));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    server.start();
    Path passwordFile = secrets.resolve("sftp.pass");
    Files.writeString(passwordFile, password);
    passwordFile.toFile().setReadable(false, false);
    passwordFile.toFile().setReadable(true, true);
    Path knownHosts =
        Files.writeString(
            secrets.resolve("known_hosts"),
            "["
                + LoopbackPorts.HOST
                + "]:"
                + server.getPort()
                + " "
                + PublicKeyEntry.toString(hostKey.getPublic())
                + "\n");
    return new LocalSftpServer(server, knownHosts, passwordFile);
  }

  String host() {
    return LoopbackPorts.HOST;
  }

  int port() {
    return server.getPort();
  }

  Path knownHosts() {
    return knownHosts;
  }

  Path passwordFile() {
    return passwordFile;
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
