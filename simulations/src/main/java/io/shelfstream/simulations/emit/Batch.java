package io.shelfstream.simulations.emit;

import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.MalformedLine;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Lines gathered into one request body, one per line, each followed by a newline. */
final class Batch {

  private final List<Emission> lines;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);

  Batch(int capacity) {
    this.lines = new ArrayList<>(capacity);
  }

  void add(Emission line) {
    lines.add(line);
    body.writeBytes(line.bytes());
    body.write('\n');
  }

  int size() {
    return lines.size();
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  /** Line numbers in the node's answers start at 1. */
  Emission line(int number) {
    return lines.get(number - 1);
  }

  long malformed() {
    return lines.stream().filter(MalformedLine.class::isInstance).count();
  }

  byte[] body() {
    return body.toByteArray();
  }
}
