package io.shelfstream.engine.ingest;

import org.apache.pekko.util.ByteString;

/**
 * One line of a line-delimited body. {@code number} counts every line from 1. An overlong line
 * keeps only its first bytes in {@code bytes}, and its full length in {@code length}.
 */
public record Line(long number, ByteString bytes, long length, boolean overlong) {

  /**
   * Whether the line holds nothing but spaces and tabs: NDJSON senders use these as keep-alives.
   */
  public boolean isBlank() {
    for (int i = 0; i < bytes.size(); i++) {
      byte b = bytes.apply(i);
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return !overlong;
  }
}
