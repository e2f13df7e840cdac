package io.shelfstream.simulations.emit;

import io.shelfstream.simulations.noise.Emission;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Writes the NDJSON stream to a file, for curl users and tests; nothing acknowledges it. */
public final class FileEmitter implements Emitter {

  private final Path file;
  private final OutputStream out;
  private final SendStats stats;

  public FileEmitter(Path file, SendStats stats) throws IOException {
    this.file = file;
    this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    this.stats = stats;
  }

  @Override
  public void send(Emission line) {
    try {
      out.write(line.bytes());
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void finish(Duration timeout) {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean acknowledgesLines() {
    return false;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      stats.anomaly("closing " + file + " failed: " + e.getMessage());
    }
  }
}
