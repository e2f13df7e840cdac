package io.shelfstream.sources.files.sftp;

import java.io.IOException;
import java.nio.file.NotDirectoryException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CopyMode;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * What SFTP lacks as single calls: a rename that replaces its target on every protocol version,
 * {@code mkdir -p}, a modification time that is always there.
 */
final class RemoteFiles {
  private RemoteFiles() {}

  /** Renames, replacing the target, by the best means the server offers. */
  static void replace(SftpClient sftp, String from, String to) throws IOException {
    if (sftp.getVersion() >= SftpConstants.SFTP_V5) {
      sftp.rename(from, to, CopyMode.Overwrite);
      return;
    }
    OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
    if (posix != null && posix.isSupported()) {
      posix.posixRename(from, to);
      return;
    }
    // SFTP v3 without the OpenSSH extension cannot replace: remove first (not atomic).
    try {
      sftp.remove(to);
    } catch (SftpException e) {
      if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
        throw e;
      }
    }
    sftp.rename(from, to);
  }

  static void createDirectories(SftpClient sftp, String dir) throws IOException {
    try {
      if (!sftp.stat(dir).isDirectory()) {
        throw new NotDirectoryException(dir);
      }
      return;
    } catch (SftpException e) {
      if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
        throw e;
      }
    }
    int parent = dir.lastIndexOf('/');
    if (parent > 0) {
      createDirectories(sftp, dir.substring(0, parent));
    }
    try {
      sftp.mkdir(dir);
    } catch (SftpException e) {
      if (!sftp.stat(dir).isDirectory()) { // another poller may have made it meanwhile
        throw e;
      }
    }
  }

  /** The file's modification time; the epoch if the server sent none (SFTP makes it optional). */
  static Instant modified(Attributes attributes) {
    FileTime time = attributes.getModifyTime();
    return time == null ? Instant.EPOCH : time.toInstant();
  }
}
