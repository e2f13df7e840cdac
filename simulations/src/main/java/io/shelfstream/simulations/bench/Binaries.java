package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classes and jars nodes and brokers run from, copied out of target/ when a bench run starts:
 * other people rebuild target/ in this shared tree, and one bench run must measure one build.
 */
final class Binaries implements AutoCloseable {

  static final List<String> MODULES = List.of("http-api", "devkit");
  static final String NODE_DDL = "shelfstream/schema/postgres.sql";

  private final Path directory;
  private final Instant built;
  private final Cleanup cleanup;

  private Binaries(Path directory, Instant built, Cleanup cleanup) {
    this.directory = directory;
    this.built = built;
    this.cleanup = cleanup;
  }

  static Binaries snapshot(Path root, Cleanup cleanup) throws IOException {
    Path directory = Files.createTempDirectory("shelfstream-bench-binaries-");
    FileTime newest = FileTime.fromMillis(0);
    try {
      for (String module : MODULES) {
        for (String part : List.of("classes", "lib")) {
          FileTime copied =
              copyTree(
                  root.resolve(module).resolve("target").resolve(part),
                  directory.resolve(module).resolve(part));
          newest = copied.compareTo(newest) > 0 ? copied : newest;
        }
      }
    } catch (IOException | RuntimeException e) {
      TempFiles.deleteQuietly(directory);
      throw e;
    }
    return cleanup.track(new Binaries(directory, newest.toInstant(), cleanup));
  }

  /** A module's classes and its runtime dependencies, from the copy. */
  String classpath(String module) {
    Path copy = directory.resolve(module);
    return copy.resolve("classes") + java.io.File.pathSeparator + copy.resolve("lib") + "/*";
  }

  /** When the newest of the copied files was built. */
  Instant built() {
    return built;
  }

  /** The PostgreSQL DDL the nodes run, from the persistence jar they run with. */
  String nodeDdl() throws IOException {
    try (Stream<Path> jars = Files.list(directory.resolve("http-api").resolve("lib"))) {
      Path persistence =
          jars.filter(jar -> jar.getFileName().toString().startsWith("shelfstream-persistence-"))
              .findFirst()
              .orElseThrow(
                  () -> new IOException("no shelfstream-persistence jar among the node's jars"));
      try (JarFile jar = new JarFile(persistence.toFile());
          InputStream ddl = jar.getInputStream(jar.getJarEntry(NODE_DDL))) {
        return new String(ddl.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  private static FileTime copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new IOException(from + " is missing: build first (./shelfstream build)");
    }
    FileTime newest = FileTime.fromMillis(0);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
          FileTime modified = Files.getLastModifiedTime(file);
          newest = modified.compareTo(newest) > 0 ? modified : newest;
        }
      }
    }
    return newest;
  }

  @Override
  public void close() {
    TempFiles.deleteQuietly(directory);
    cleanup.forget(this);
  }

  @Override
  public String toString() {
    return "binaries " + directory;
  }
}
