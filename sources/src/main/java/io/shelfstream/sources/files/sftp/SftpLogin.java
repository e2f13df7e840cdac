package io.shelfstream.sources.files.sftp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Opens an SFTP store: reads the secrets, connects, verifies the host key, logs in and checks that
 * the remote directory can be listed. Each failure becomes an {@link IOException} saying what to
 * fix, never quoting a secret.
 */
final class SftpLogin {
  // A peer that vanished without closing the TCP connection is noticed within about two minutes.
  private static final Duration HEARTBEAT = Duration.ofSeconds(30);
  private static final int HEARTBEATS_WITHOUT_REPLY = 4;

  private SftpLogin() {}

  static SftpFileStore open(SftpSettings settings, UnaryOperator<String> environment)
      throws IOException {
    String password = settings.password() == null ? null : settings.password().read(environment);
    KeyPair key =
        settings.privateKeyFile() == null ? null : PrivateKeyFile.load(settings, environment);
    HostKeyCheck hostKeys = HostKeyCheck.of(settings);
    SshClient client = SshClient.setUpDefaultClient();
    // Only what the settings say: no ~/.ssh/config of the node's user, no keys of its own.
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.setServerKeyVerifier(hostKeys);
    client.setSignatureFactories(hostKeys.preferKnownKeyTypes(client.getSignatureFactories()));
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
    CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEATS_WITHOUT_REPLY);
    client.start();
    ClientSession session = null;
    try {
      session = connect(client, settings, hostKeys);
      if (password != null) {
        session.addPasswordIdentity(password);
      }
      if (key != null) {
        session.addPublicKeyIdentity(key);
      }
      authenticate(session, settings, hostKeys);
      SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
      checkRemoteDir(sftp, settings);
      return new SftpFileStore(settings, client, session, sftp);
    } catch (IOException | RuntimeException e) {
      if (session != null) {
        session.close(true);
      }
      client.stop();
      throw e;
    }
  }

  private static ClientSession connect(
      SshClient client, SftpSettings settings, HostKeyCheck hostKeys) throws IOException {
    String server = settings.host() + ":" + settings.port();
    try {
      return client
          .connect(settings.user(), settings.host(), settings.port())
          .verify(settings.connectTimeout())
          .getSession();
    } catch (IOException | RuntimeException e) {
      Optional<String> refused = hostKeys.refusal();
      if (refused.isPresent()) {
        throw new IOException(refused.get(), e);
      }
      Throwable cause = rootCause(e);
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        throw new IOException("host: cannot resolve " + settings.host(), e);
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        throw new IOException(
            "cannot reach the SFTP server at " + server + ": " + cause.getMessage(), e);
      }
      throw new IOException(
          "cannot connect to the SFTP server at "
              + server
              + " within "
              + settings.connectTimeout().toSeconds()
              + "s (connect-timeout): "
              + cause.getMessage(),
          e);
    }
  }

  private static void authenticate(
      ClientSession session, SftpSettings settings, HostKeyCheck hostKeys) throws IOException {
    try {
      session.auth().verify(settings.authTimeout());
    } catch (IOException | RuntimeException e) {
      Optional<String> refused = hostKeys.refusal();
      if (refused.isPresent()) {
        throw new IOException(refused.get(), e);
      }
      throw new IOException(
          "login failed: the SFTP server at "
              + settings.host()
              + ":"
              + settings.port()
              + " refused user \""
              + settings.user()
              + "\" with "
              + String.join(" and ", credentials(settings))
              + ": check the user and the credentials ("
              + rootCause(e).getMessage()
              + ")",
          e);
    }
  }

  private static List<String> credentials(SftpSettings settings) {
    List<String> used = new ArrayList<>();
    if (settings.password() != null) {
      used.add("the password of " + settings.password());
    }
    if (settings.privateKeyFile() != null) {
      used.add("the key in private-key-file=" + settings.privateKeyFile());
    }
    return used;
  }

  private static void checkRemoteDir(SftpClient sftp, SftpSettings settings) throws IOException {
    String dir = settings.remoteDir();
    String where =
        " on " + settings.host() + ":" + settings.port() + " (user " + settings.user() + ")";
    try {
      if (!sftp.stat(dir).isDirectory()) {
        throw new IOException("remote-dir: " + dir + where + " is not a directory");
      }
      try (SftpClient.CloseableHandle listing = sftp.openDir(dir)) {
        sftp.readDir(listing);
      }
    } catch (SftpException e) {
      String problem =
          switch (e.getStatus()) {
            case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH ->
                " does not exist";
            case SftpConstants.SSH_FX_PERMISSION_DENIED -> " cannot be read: permission denied";
            default -> " cannot be read: " + e.getMessage();
          };
      throw new IOException("remote-dir: " + dir + where + problem, e);
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
