package io.shelfstream.sources.files;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.ActorAttributes;
import org.apache.pekko.stream.javadsl.Compression;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.StreamConverters;
import org.apache.pekko.util.ByteString;

/**
 * A stored file's bytes as a stream, read on the file sources' dispatcher: from an offset of its
 * text (a gzip file is read from its start and decompressed, its first bytes then dropped), each
 * chunk of the stored bytes fed to a SHA-256 digest on the way.
 */
final class FileBytes {
  static final String DISPATCHER = "shelfstream-file-dispatcher";
  private static final int CHUNK = 64 * 1024;

  private FileBytes() {}

  static boolean compressed(String name) {
    return name.endsWith(".gz");
  }

  /**
   * The text of {@code name} from byte {@code offset} of its (decompressed) content. Fails if the
   * stored bytes end elsewhere than at {@code size}: the file changed while it was read.
   */
  static Source<ByteString, NotUsed> from(
      FileStore store, String name, long size, long offset, MessageDigest digest) {
    boolean gzip = compressed(name);
    long start = gzip ? 0 : offset;
    long[] read = {0};
    Source<ByteString, NotUsed> stored =
        StreamConverters.fromInputStream(() -> store.open(name, gzip ? 0 : offset), CHUNK)
            .withAttributes(ActorAttributes.dispatcher(DISPATCHER))
            .mapMaterializedValue(io -> NotUsed.getInstance())
            .map(
                chunk -> {
                  if (digest != null) {
                    digest.update(chunk.asByteBuffer());
                  }
                  read[0] += chunk.size();
                  return chunk;
                })
            .concatLazy(
                Source.lazySource(
                    () ->
                        start + read[0] == size
                            ? Source.<ByteString>empty()
                            : Source.<ByteString>failed(
                                new IOException(
                                    name
                                        + " changed while it was read: "
                                        + (start + read[0])
                                        + " bytes instead of the "
                                        + size
                                        + " listed"))))
            .mapMaterializedValue(lazy -> NotUsed.getInstance());
    if (!gzip) {
      return stored;
    }
    return stored.via(Compression.gunzip(CHUNK)).via(dropFirst(offset));
  }

  private static org.apache.pekko.stream.javadsl.Flow<ByteString, ByteString, NotUsed> dropFirst(
      long bytes) {
    return org.apache.pekko.stream.javadsl.Flow.<ByteString>create()
        .statefulMap(
            () -> new long[] {bytes},
            (left, chunk) -> {
              if (left[0] == 0) {
                return Pair.create(left, chunk);
              }
              int drop = (int) Math.min(left[0], chunk.size());
              left[0] -= drop;
              return Pair.create(left, chunk.drop(drop));
            },
            left -> java.util.Optional.empty())
        .filter(chunk -> !chunk.isEmpty());
  }

  /** Feeds the first {@code length} stored bytes of {@code name} to {@code digest}; blocking. */
  static void digestPrefix(FileStore store, String name, long length, MessageDigest digest)
      throws IOException {
    try (InputStream in = store.open(name, 0)) {
      byte[] buffer = new byte[CHUNK];
      long left = length;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          throw new IOException(name + " is shorter than when it was last read");
        }
        digest.update(buffer, 0, read);
        left -= read;
      }
    }
  }

  /** The SHA-256 of all of {@code name}'s stored bytes, in hex; blocking. */
  static String sha256(FileStore store, String name) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = store.open(name, 0)) {
      byte[] buffer = new byte[CHUNK];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
    return hex(digest);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
