package io.shelfstream.sources.files.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.function.UnaryOperator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/** The login key of an {@code sftp} integration: an OpenSSH or PEM private key file. */
final class PrivateKeyFile {
  private PrivateKeyFile() {}

  /** The key pair in {@code private-key-file}, decrypted with the passphrase if one is named. */
  static KeyPair load(SftpSettings settings, UnaryOperator<String> environment) throws IOException {
    Path file = settings.privateKeyFile();
    SecretSource passphraseSource = settings.passphrase();
    FilePasswordProvider passphrase =
        passphraseSource == null
            ? FilePasswordProvider.EMPTY
            : FilePasswordProvider.of(passphraseSource.read(environment));
    Iterator<KeyPair> keys;
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> loaded =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(file.toString()), in, passphrase);
      keys = loaded == null ? null : loaded.iterator();
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (Files.isReadable(file) || !(e instanceof IOException)) {
        throw new IOException(
            "private-key-file: cannot load the key in "
                + file
                + ": "
                + (passphraseSource == null
                    ? "if it is encrypted, name its passphrase with passphrase-env or"
                        + " passphrase-file; "
                    : "check the passphrase in " + passphraseSource + "; ")
                + "otherwise it is not an OpenSSH or PEM private key ("
                + e.getClass().getSimpleName()
                + ")");
      }
      throw new IOException(
          "private-key-file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    if (keys == null || !keys.hasNext()) {
      throw new IOException("private-key-file: " + file + " holds no private key");
    }
    return keys.next();
  }
}
