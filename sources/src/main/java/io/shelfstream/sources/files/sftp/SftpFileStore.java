package io.shelfstream.sources.files.sftp;

import io.shelfstream.sources.files.FileStore;
import io.shelfstream.sources.files.StoredFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.impl.AbstractSftpClient;
import org.apache.sshd.sftp.client.impl.SftpInputStreamAsync;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * A directory on an SFTP server, over one SSH session. The session is not reopened here: once it is
 * lost every call fails with an {@link IOException} saying so, and the source opens a new store
 * (with its backoff), so that a reconnect is always a fresh login with fresh host-key checks.
 */
public final class SftpFileStore implements FileStore {
  // As large a read as OpenSSH answers whole; MINA keeps several in flight within the window.
  private static final int READ_SIZE = 32 * 1024;

  private final SftpSettings settings;
  private final SshClient client;
  private final ClientSession session;
  private final SftpClient sftp;

  SftpFileStore(SftpSettings settings, SshClient client, ClientSession session, SftpClient sftp) {
    this.settings = settings;
    this.client = client;
    this.session = session;
    this.sftp = sftp;
  }

  @Override
  public List<StoredFile> list() throws IOException {
    String dir = settings.remoteDir();
    List<StoredFile> files = new ArrayList<>();
    // Batch by batch on an explicit handle: the lazy Iterable of readDir(String) would throw
    // its failures unchecked.
    try (CloseableHandle listing = sftp.openDir(dir)) {
      for (List<DirEntry> batch = sftp.readDir(listing);
          batch != null;
          batch = sftp.readDir(listing)) {
        for (DirEntry entry : batch) {
          Attributes attributes = entry.getAttributes();
          if (attributes.isRegularFile()) {
            files.add(
                new StoredFile(
                    entry.getFilename(), attributes.getSize(), RemoteFiles.modified(attributes)));
          }
        }
      }
    } catch (IOException e) {
      throw failure("list", dir, e);
    }
    files.sort(Comparator.comparing(StoredFile::name));
    return files;
  }

  @Override
  public InputStream open(String name, long offset) throws IOException {
    String path = file(name);
    CloseableHandle handle = null;
    try {
      handle = sftp.open(path, OpenMode.Read);
      long size = sftp.stat(handle).getSize();
      // Starts reading at offset: a resumed file is never read again from its first byte.
      return new Reading(
          new SftpInputStreamAsync(
              (AbstractSftpClient) sftp, READ_SIZE, offset, size, path, handle),
          path);
    } catch (IOException e) {
      if (handle != null) {
        closeQuietly(handle);
      }
      throw failure("read", path, e);
    }
  }

  @Override
  public void moveTo(String name, String directory) throws IOException {
    String from = file(name);
    String dir = directory(directory);
    try {
      RemoteFiles.createDirectories(sftp, dir);
      RemoteFiles.replace(sftp, from, dir + "/" + name);
    } catch (IOException e) {
      throw failure("move to " + dir, from, e);
    }
  }

  @Override
  public void write(String directory, String name, byte[] content) throws IOException {
    String dir = directory(directory);
    String target = dir + "/" + checkName(name);
    // Written aside then renamed, so that nobody ever reads half a report.
    String partial = dir + "/." + name + ".part";
    try {
      RemoteFiles.createDirectories(sftp, dir);
      try (OutputStream out =
          sftp.write(partial, OpenMode.Write, OpenMode.Create, OpenMode.Truncate)) {
        out.write(content);
      }
      RemoteFiles.replace(sftp, partial, target);
    } catch (IOException e) {
      throw failure("write", target, e);
    }
  }

  @Override
  public String describe() {
    return settings.describe();
  }

  /** Whether the session is still up; once it is not, this store only throws. */
  public boolean isOpen() {
    return session.isOpen()
        && !session.isClosing()
        && sftp.isOpen()
        && !sftp.getClientChannel().isClosing();
  }

  /** The SFTP protocol version agreed with the server (OpenSSH speaks 3). */
  int protocolVersion() {
    return sftp.getVersion();
  }

  @Override
  public void close() throws IOException {
    try {
      sftp.close();
    } finally {
      session.close(true);
      client.stop();
    }
  }

  @Override
  public String toString() {
    return "SftpFileStore[" + describe() + "]";
  }

  private String file(String name) throws IOException {
    return settings.remoteDir() + "/" + checkName(name);
  }

  private String directory(String directory) {
    return directory.startsWith("/") ? directory : settings.remoteDir() + "/" + directory;
  }

  private static String checkName(String name) throws IOException {
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new IOException("not a plain file name: \"" + name + "\"");
    }
    return name;
  }

  /**
   * The failure as the caller should see it: a server's answer (no such file, permission denied)
   * keeps its meaning; anything else broke the transport, so the session is closed and the store
   * says it was lost, whichever side noticed first.
   */
  private IOException failure(String action, String path, IOException e) {
    if (e instanceof FileSystemException) {
      return e;
    }
    if (!(e instanceof SftpException sftpError) || !isOpen()) {
      session.close(true);
      return new IOException(
          describe()
              + ": the SFTP session was lost (the server closed it or stopped answering);"
              + " the store must be opened again",
          e);
    }
    switch (sftpError.getStatus()) {
      case SftpConstants.SSH_FX_NO_SUCH_FILE, SftpConstants.SSH_FX_NO_SUCH_PATH:
        NoSuchFileException gone =
            new NoSuchFileException(path, null, "not found on " + describe());
        gone.initCause(e);
        return gone;
      case SftpConstants.SSH_FX_PERMISSION_DENIED:
        AccessDeniedException denied =
            new AccessDeniedException(
                path, null, "user " + settings.user() + " may not " + action + " it");
        denied.initCause(e);
        return denied;
      default:
        return new IOException(
            "cannot " + action + " " + path + " on " + describe() + ": " + e.getMessage(), e);
    }
  }

  /** A remote file's stream whose failures say what happened, a lost session above all. */
  private final class Reading extends FilterInputStream {
    private final String path;

    Reading(InputStream in, String path) {
      super(in);
      this.path = path;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw failure("read", path, e);
      }
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
      try {
        return in.read(buffer, from, length);
      } catch (IOException e) {
        throw failure("read", path, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        in.close();
      } catch (IOException e) {
        if (isOpen()) { // on a lost session the handle is gone with it
          throw failure("close", path, e);
        }
      }
    }
  }

  private static void closeQuietly(CloseableHandle handle) {
    try {
      handle.close();
    } catch (IOException ignored) {
      // the open failed already; that failure is the one reported
    }
  }
}
