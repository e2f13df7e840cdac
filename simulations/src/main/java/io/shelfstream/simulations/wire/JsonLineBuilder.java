package io.shelfstream.simulations.wire;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * Builds one JSON object as a single line. Hand-written rather than Jackson because it runs once
 * per emitted event on the generator's hot path; it escapes exactly what JSON requires. Not
 * thread-safe: reuse one per thread.
 */
public final class JsonLineBuilder {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder text = new StringBuilder(256);
  private boolean firstField;

  public JsonLineBuilder begin() {
    text.setLength(0);
    text.append('{');
    firstField = true;
    return this;
  }

  public JsonLineBuilder string(String name, String value) {
    name(name);
    quoted(value);
    return this;
  }

  public JsonLineBuilder number(String name, long value) {
    name(name);
    text.append(value);
    return this;
  }

  /** A decimal written verbatim, e.g. a price "4.99" or a deliberately broken "5.5". */
  public JsonLineBuilder rawValue(String name, String jsonValue) {
    name(name);
    text.append(jsonValue);
    return this;
  }

  public JsonLineBuilder time(String name, OffsetDateTime value) {
    name(name);
    text.append('"');
    WireTime.append(text, value);
    text.append('"');
    return this;
  }

  public String endAsString() {
    text.append('}');
    return text.toString();
  }

  public byte[] end() {
    return endAsString().getBytes(StandardCharsets.UTF_8);
  }

  private void name(String name) {
    if (!firstField) {
      text.append(',');
    }
    firstField = false;
    quoted(name);
    text.append(':');
  }

  private void quoted(String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20) {
            text.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
