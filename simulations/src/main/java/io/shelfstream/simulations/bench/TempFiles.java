package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the data directories of nodes and brokers once they are stopped. */
final class TempFiles {

  private TempFiles() {}

  static void deleteQuietly(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("bench: cannot delete " + directory + ": " + e.getMessage());
    }
  }
}
