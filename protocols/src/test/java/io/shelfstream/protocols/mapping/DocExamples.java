package io.shelfstream.protocols.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The examples of docs/mapping.md, read from the document itself so that it cannot drift from what
 * the code does: the code block after a marker such as {@code <!-- mapping: orders -->}.
 */
final class DocExamples {
  private static final Path DOC = Path.of("..", "docs", "mapping.md");

  private DocExamples() {}

  /** The code block after {@code <!-- kind: name -->}, without its fences. */
  static String block(String kind, String name) {
    String doc = read();
    String marker = "<!-- " + kind + ": " + name + " -->";
    int at = doc.indexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException("docs/mapping.md has no " + marker);
    }
    int open = doc.indexOf("```", at);
    int start = doc.indexOf('\n', open) + 1;
    int close = doc.indexOf("\n```", start);
    return doc.substring(start, close);
  }

  private static String read() {
    try {
      return Files.readString(DOC);
    } catch (IOException e) {
      throw new UncheckedIOException("run the tests from the protocols module", e);
    }
  }
}
