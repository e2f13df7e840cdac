package io.shelfstream.sources.files.sftp;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.signature.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the server's host key against an OpenSSH known_hosts file (MINA's own matching: hashed
 * names, {@code [host]:port}, {@code @revoked}), and keeps why a key was refused, since the SSH
 * layer only reports that the key "did not validate".
 */
final class HostKeyCheck implements ServerKeyVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(HostKeyCheck.class);

  private final SftpSettings settings;
  private final ServerKeyVerifier verifier;
  private final Set<String> knownKeyTypes;
  private final AtomicReference<String> refusal = new AtomicReference<>();

  private HostKeyCheck(SftpSettings settings, boolean strict, Set<String> knownKeyTypes) {
    this.settings = settings;
    this.verifier =
        strict ? new KnownHosts(settings.knownHosts()) : AcceptAllServerKeyVerifier.INSTANCE;
    this.knownKeyTypes = knownKeyTypes;
  }

  /**
   * Reads the known-hosts file now, so that a missing or broken file is named before connecting.
   */
  static HostKeyCheck of(SftpSettings settings) throws IOException {
    if (!settings.strictHostKeyChecking()) {
      LOG.warn(
          "{}: strict-host-key-checking = false, any host key is trusted: the connection is open"
              + " to interception",
          settings.describe());
      return new HostKeyCheck(settings, false, Set.of());
    }
    Path file = settings.knownHosts();
    Set<String> keyTypes = new LinkedHashSet<>();
    try {
      for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(file)) {
        if (entry.getMarker() == null && entry.isHostMatch(settings.host(), settings.port())) {
          keyTypes.add(entry.getKeyEntry().getKeyType());
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          "known-hosts: cannot read "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ")"
              + Optional.ofNullable(e.getMessage()).map(m -> ": " + m).orElse(""));
    }
    return new HostKeyCheck(settings, true, keyTypes);
  }

  /**
   * {@code signatures} with those of the key types known_hosts lists for this server first, as
   * OpenSSH's client orders them: a server offering several host keys then shows one we can check,
   * rather than the one MINA prefers (a line copied from a user's known_hosts holds one type).
   */
  List<NamedFactory<Signature>> preferKnownKeyTypes(List<NamedFactory<Signature>> signatures) {
    List<NamedFactory<Signature>> ordered = new ArrayList<>();
    for (NamedFactory<Signature> signature : signatures) {
      if (knownKeyTypes.contains(KeyUtils.getCanonicalKeyType(signature.getName()))) {
        ordered.add(signature);
      }
    }
    for (NamedFactory<Signature> signature : signatures) {
      if (!ordered.contains(signature)) {
        ordered.add(signature);
      }
    }
    return ordered;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    return verifier.verifyServerKey(session, remote, key);
  }

  /** Why the server's key was refused, if it was. */
  Optional<String> refusal() {
    return Optional.ofNullable(refusal.get());
  }

  private String server() {
    return settings.host() + ":" + settings.port();
  }

  private String keyscan() {
    String port = settings.port() == 22 ? "" : "-p " + settings.port() + " ";
    return "ssh-keyscan " + port + settings.host() + " >> " + settings.knownHosts();
  }

  /** The host as known_hosts names it: {@code host}, or {@code [host]:port} off port 22. */
  private String knownHostsName() {
    return settings.port() == 22 ? settings.host() : "[" + settings.host() + "]:" + settings.port();
  }

  private static String describe(PublicKey key) {
    return KeyUtils.getKeyType(key) + " key " + KeyUtils.getFingerPrint(key);
  }

  private final class KnownHosts extends KnownHostsServerKeyVerifier {
    KnownHosts(Path file) {
      super(RejectAllServerKeyVerifier.INSTANCE, file);
    }

    @Override
    protected boolean acceptUnknownHostKey(
        ClientSession session, SocketAddress remote, PublicKey key) {
      refusal.set(
          "host key refused: the server at "
              + server()
              + " offered the "
              + describe(key)
              + ", which known-hosts ("
              + settings.knownHosts()
              + ") does not list for this host. If that is the server's key (check the"
              + " fingerprint with its administrator), add it with: "
              + keyscan());
      return false;
    }

    @Override
    public boolean acceptModifiedServerKey(
        ClientSession session,
        SocketAddress remote,
        KnownHostEntry entry,
        PublicKey expected,
        PublicKey actual) {
      refusal.set(
          "host key refused: the server at "
              + server()
              + " offered the "
              + describe(actual)
              + " but known-hosts ("
              + settings.knownHosts()
              + ") expects the "
              + describe(expected)
              + ". The key CHANGED: the server was reinstalled, or someone is intercepting"
              + " the connection. Only once the change is confirmed, remove the old key with: "
              + "ssh-keygen -R '"
              + knownHostsName()
              + "' -f "
              + settings.knownHosts()
              + " and add the new one with: "
              + keyscan());
      return false;
    }

    @Override
    protected void handleRevokedKey(ClientSession session, SocketAddress remote, PublicKey key) {
      refusal.set(
          "host key refused: the server at "
              + server()
              + " offered the "
              + describe(key)
              + ", which known-hosts ("
              + settings.knownHosts()
              + ") marks @revoked");
    }

    @Override
    protected boolean acceptIncompleteHostKeys(
        ClientSession session, SocketAddress remote, PublicKey key, Throwable reason) {
      refusal.set(
          "known-hosts: cannot read "
              + settings.knownHosts()
              + " ("
              + reason.getClass().getSimpleName()
              + ")");
      return false;
    }
  }
}
