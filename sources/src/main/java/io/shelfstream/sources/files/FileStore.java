package io.shelfstream.sources.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A place files are picked up from: a local drop folder or a directory on an SFTP server. Every
 * call blocks, so callers run them on the file sources' own dispatcher, never on Pekko's default
 * one. Names are plain file names inside the inbound directory; sub-directories such as {@code
 * processed/} are named relative to it.
 */
public interface FileStore extends AutoCloseable {

  /** The regular files directly in the inbound directory (not in its sub-directories). */
  List<StoredFile> list() throws IOException;

  /**
   * Reads {@code name} from byte {@code offset} on, streamed: never buffered whole. Throws {@link
   * java.nio.file.NoSuchFileException} if the file is gone.
   */
  InputStream open(String name, long offset) throws IOException;

  /**
   * Moves {@code name} into the sub-directory {@code directory} (created if missing), replacing a
   * file of that name there.
   */
  void moveTo(String name, String directory) throws IOException;

  /** Writes {@code content} as {@code directory/name} (created if missing), replacing it. */
  void write(String directory, String name, byte[] content) throws IOException;

  /** Where this store reads from, for status and errors, e.g. {@code sftp://feeds@host:22/in}. */
  String describe();

  @Override
  void close() throws IOException;
}
