package io.shelfstream.http.faults;

import io.shelfstream.http.testkit.TestNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A chunked POST to /v1/pos/events over a plain socket, from a chosen loopback address and with a
 * chosen credential (so that a test can be several clients), whose body comes a byte at a time,
 * when the test says so.
 */
final class SlowPost implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  /**
   * {@code streaming} asks for one result per line ({@code Accept: application/x-ndjson}): the
   * answer's head then comes as soon as the request is admitted.
   */
  SlowPost(String fromAddress, int port, boolean streaming, Duration readTimeout)
      throws IOException {
    this(fromAddress, TestNode.ADMIN_TOKEN, port, streaming, readTimeout);
  }

  /** Sent with {@code token}: ingestion limits count a client by its credential. */
  SlowPost(String fromAddress, String token, int port, boolean streaming, Duration readTimeout)
      throws IOException {
    socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
    socket.setSoTimeout((int) readTimeout.toMillis());
    out = socket.getOutputStream();
    in = socket.getInputStream();
    out.write(
        ("POST /v1/pos/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer "
                + token
                + "\r\n"
                + "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n"
                + (streaming ? "Accept: application/x-ndjson\r\n" : "")
                + "Connection: close\r\n"
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Sends one more byte of the body, in a chunk of its own; false once the server has closed. */
  boolean trickle(char c) {
    try {
      out.write(("1\r\n" + c + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  /** Sends a whole line in a chunk. */
  void send(String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Ends the body. */
  void finish() throws IOException {
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** The status line of the answer. */
  String readStatusLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed before an answer");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  /** Everything the server sends until it closes the connection (or the read timeout). */
  String readAll() throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int read;
    while ((read = in.read(buffer)) >= 0) {
      response.write(buffer, 0, read);
    }
    return response.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
