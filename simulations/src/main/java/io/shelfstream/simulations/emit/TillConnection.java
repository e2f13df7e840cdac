package io.shelfstream.simulations.emit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
  private static final int MAX_LINE = 16_384;

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
      connection.write(
          "POST %s HTTP/1.1\r\nHost: %s:%d\r\n%sContent-Type: application/x-ndjson\r\n"
              + "Accept: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n"
              + "Connection: close\r\n\r\n",
          endpoint.getRawPath(), endpoint.getHost(), port, bearer.headerLine());
      return connection;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  void writeChunk(byte[] data, int length) throws IOException {
    if (length > 0) {
      out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(data, 0, length);
      write("\r\n");
    }
  }

  void endBody() throws IOException {
    write("0\r\n\r\n");
  }

  private void write(String format, Object... args) throws IOException {
    out.write(String.format(format, args).getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads the response to its end, handing each non-blank line of the body to {@code onLine}. */
  void readResults(Consumer<String> onLine) throws IOException {
    int status;
    boolean chunked = false;
    String length = null;
    do { // interim 1xx responses are skipped
      String statusLine = readLine(in);
      String[] parts = statusLine.split(" ", 3);
      try {
        status = parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        status = -1;
      }
      if (status < 0) {
        throw new IOException("not an HTTP response: \"" + statusLine + "\"");
      }
      for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
        String lower = header.toLowerCase(Locale.ROOT);
        chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        length = lower.startsWith("content-length:") ? lower.substring(15).trim() : length;
      }
    } while (status < 200);
    InputStream body =
        chunked
            ? new ChunkedInputStream(in)
            : length != null
                ? new ByteArrayInputStream(in.readNBytes(Integer.parseInt(length)))
                : in;
    if (status != 200) {
      throw new Refused(
          "HTTP " + status + " " + new String(body.readNBytes(300), StandardCharsets.UTF_8));
    }
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (!line.isBlank()) {
        onLine.accept(line);
      }
    }
  }

  /** One CRLF-terminated line of the response's head or chunk framing, without its terminator. */
  static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed in the middle of the response");
      }
      if (b != '\r') {
        line.append((char) b);
      }
      if (line.length() > MAX_LINE) {
        throw new IOException("response line longer than " + MAX_LINE + " bytes");
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
