package io.shelfstream.http.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A till holding one streaming POST open: it writes NDJSON lines as HTTP/1.1 chunks and reads the
 * per-line results from the chunked response while the request is still open. Plain socket, so the
 * test sees exactly what travels on the wire.
 */
public final class ChunkedTill implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final ByteArrayOutputStream pendingLine = new ByteArrayOutputStream();
  private long chunkLeft;
  private boolean responseEnded;

  public ChunkedTill(int port, Duration readTimeout) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout((int) readTimeout.toMillis());
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream());
    out.write(
        ("POST /v1/pos/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer "
                + TestNode.ADMIN_TOKEN
                + "\r\n"
                + "Content-Type: application/x-ndjson\r\nAccept: application/x-ndjson\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  public void send(String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Ends the request body; results may still follow. */
  public void finish() throws IOException {
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The status line and headers of the response. */
  public String readHead() throws IOException {
    StringBuilder head = new StringBuilder();
    String line;
    while (!(line = readCrlfLine()).isEmpty()) {
      head.append(line).append('\n');
    }
    return head.toString();
  }

  /** The next result line, or null once the response has ended. */
  public JsonNode readResult() throws IOException {
    while (true) {
      if (chunkLeft == 0) {
        if (responseEnded) {
          return null;
        }
        long size = Long.parseLong(readCrlfLine().strip(), 16);
        if (size == 0) {
          readCrlfLine();
          responseEnded = true;
          return null;
        }
        chunkLeft = size;
      }
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside a chunk");
      }
      if (--chunkLeft == 0) {
        readCrlfLine();
      }
      if (b == '\n') {
        JsonNode result = JSON.readTree(pendingLine.toByteArray());
        pendingLine.reset();
        return result;
      }
      pendingLine.write(b);
    }
  }

  private String readCrlfLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
