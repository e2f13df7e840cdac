package io.shelfstream.simulations.emit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body (RFC 9112 section 7.1); trailers are read and ignored. */
final class ChunkedInputStream extends InputStream {

  private final InputStream in;
  private long remainingInChunk;
  private boolean finished;

  ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (finished) {
      return -1;
    }
    if (remainingInChunk == 0) {
      remainingInChunk = nextChunkSize();
      if (remainingInChunk == 0) {
        while (!TillConnection.readLine(in).isEmpty()) {
          // trailer fields carry nothing this client needs
        }
        finished = true;
        return -1;
      }
    }
    int n = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
    if (n < 0) {
      throw new EOFException("connection closed inside a chunk");
    }
    remainingInChunk -= n;
    if (remainingInChunk == 0 && !TillConnection.readLine(in).isEmpty()) {
      throw new IOException("chunk not followed by CRLF");
    }
    return n;
  }

  private long nextChunkSize() throws IOException {
    String line = TillConnection.readLine(in);
    int extension = line.indexOf(';');
    String size = (extension >= 0 ? line.substring(0, extension) : line).trim();
    try {
      return Long.parseLong(size, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size line \"" + line + "\"", e);
    }
  }
}
