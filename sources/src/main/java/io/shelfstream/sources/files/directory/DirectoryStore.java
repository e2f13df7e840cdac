package io.shelfstream.sources.files.directory;

import io.shelfstream.sources.files.FileStore;
import io.shelfstream.sources.files.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** A local drop folder, over java.nio. Moves are renames within the folder's file system. */
final class DirectoryStore implements FileStore {
  private final Path directory;

  DirectoryStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public List<StoredFile> list() throws IOException {
    List<StoredFile> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        BasicFileAttributes attributes;
        try {
          attributes =
              Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException gone) {
          continue; // moved away between the listing and its attributes
        }
        if (attributes.isRegularFile()) {
          files.add(
              new StoredFile(
                  entry.getFileName().toString(),
                  attributes.size(),
                  attributes.lastModifiedTime().toInstant()));
        }
      }
    }
    return files;
  }

  @Override
  public InputStream open(String name, long offset) throws IOException {
    SeekableByteChannel channel = Files.newByteChannel(file(name), StandardOpenOption.READ);
    try {
      channel.position(offset);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return Channels.newInputStream(channel);
  }

  @Override
  public void moveTo(String name, String subDirectory) throws IOException {
    Path target = Files.createDirectories(directory.resolve(subDirectory));
    Files.move(file(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void write(String subDirectory, String name, byte[] content) throws IOException {
    Path target = Files.createDirectories(directory.resolve(subDirectory));
    Path temporary = Files.createTempFile(target, ".writing-", ".tmp");
    Files.write(temporary, content);
    Files.move(
        temporary,
        target.resolve(name),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String describe() {
    return directory.toUri().toString();
  }

  @Override
  public void close() {}

  private Path file(String name) throws IOException {
    Path file = directory.resolve(name).normalize();
    if (!directory.equals(file.getParent())) {
      throw new IOException("not a file of " + directory + ": " + name);
    }
    return file;
  }
}
