package io.shelfstream.simulations.emit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reading the head of an HTTP/1.1 response by hand, for the duplex till connection. */
final class HttpLines {

  private static final int MAX_LINE = 16_384;

  private HttpLines() {}

  /** One CRLF-terminated line without its terminator. */
  static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("connection closed in the middle of the response head");
      }
      if (b != '\r') {
        line.append((char) b);
      }
      if (line.length() > MAX_LINE) {
        throw new IOException("response head line longer than " + MAX_LINE + " bytes");
      }
    }
    return line.toString();
  }

  record Head(int status, Map<String, String> headers) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean chunked() {
      String encoding = header("transfer-encoding");
      return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }
  }

  /** Reads the status line and headers; interim 1xx responses are skipped. */
  static Head readHead(InputStream in) throws IOException {
    while (true) {
      String statusLine = readLine(in);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP response: \"" + statusLine + "\"");
      }
      int status;
      try {
        status = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException("bad status line \"" + statusLine + "\"", e);
      }
      Map<String, String> headers = new HashMap<>();
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      if (status >= 200) {
        return new Head(status, headers);
      }
    }
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
