package io.shelfstream.simulations.emit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * One full-duplex HTTP/1.1 exchange over a socket: a chunked request body written line by line
 * while the response's lines are read as they arrive. Written by hand because the JDK HttpClient
 * hands out an HTTP/1.1 response only after the whole request body is sent, which would hide every
 * per-line acknowledgement until the till closes.
 */
final class TillConnection implements AutoCloseable {

  /** The node refused the stream as a whole (not 200): retrying cannot help. */
  static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final byte[] CRLF = {'\r', '\n'};

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private TillConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
  }

  static TillConnection open(URI endpoint, Bearer bearer) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
      socket.connect(new InetSocketAddress(endpoint.getHost(), port), CONNECT_TIMEOUT_MILLIS);
      TillConnection connection = new TillConnection(socket);
      connection.out.write(
          HttpLines.ascii(
              "POST "
                  + endpoint.getRawPath()
                  + " HTTP/1.1\r\n"
                  + "Host: "
                  + endpoint.getHost()
                  + ":"
                  + port
                  + "\r\n"
                  + bearer.headerLine()
                  + "Content-Type: application/x-ndjson\r\n"
                  + "Accept: application/x-ndjson\r\n"
                  + "Transfer-Encoding: chunked\r\n"
                  + "Connection: close\r\n\r\n"));
      connection.out.flush();
      return connection;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  void writeChunk(byte[] data, int length) throws IOException {
    if (length == 0) {
      return;
    }
    out.write(HttpLines.ascii(Integer.toHexString(length)));
    out.write(CRLF);
    out.write(data, 0, length);
    out.write(CRLF);
    out.flush();
  }

  void endBody() throws IOException {
    out.write(HttpLines.ascii("0\r\n\r\n"));
    out.flush();
  }

  /** Reads the response to its end, handing each non-blank line of the body to {@code onLine}. */
  void readResults(Consumer<String> onLine) throws IOException {
    HttpLines.Head head = HttpLines.readHead(in);
    InputStream body = body(head);
    if (head.status() != 200) {
      byte[] excerpt = body.readNBytes(300);
      throw new Refused(
          "HTTP " + head.status() + " " + new String(excerpt, StandardCharsets.UTF_8));
    }
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (!line.isBlank()) {
        onLine.accept(line);
      }
    }
  }

  private InputStream body(HttpLines.Head head) throws IOException {
    if (head.chunked()) {
      return new ChunkedInputStream(in);
    }
    String length = head.header("content-length");
    if (length != null) {
      return new ByteArrayInputStream(in.readNBytes(Integer.parseInt(length.trim())));
    }
    return in;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
