package io.shelfstream.engine.ingest;

import io.shelfstream.engine.ingest.Decoded.Invalid;
import io.shelfstream.protocols.pos.PosLineParser;

/** Decodes framed lines of POS NDJSON, wherever they come from (an HTTP body, a file). */
public final class PosLines {
  /** The longest line accepted; a longer one is rejected as that line's error. */
  public static final int MAX_LINE_BYTES = 64 * 1024;

  private final PosLineParser parser;
  private final String defaultSource;

  public PosLines(String defaultSource) {
    this.parser = new PosLineParser(defaultSource);
    this.defaultSource = defaultSource;
  }

  public LineFraming framing() {
    return new LineFraming(MAX_LINE_BYTES);
  }

  public Decoded<Long> decode(Line line) {
    String where = "line " + line.number();
    if (line.overlong()) {
      return new Invalid<>(
          line.number(),
          where,
          null,
          defaultSource,
          "line: longer than " + MAX_LINE_BYTES + " bytes (" + line.length() + " bytes)",
          RawText.of(line.bytes().toArray()),
          null);
    }
    byte[] bytes = line.bytes().toArray();
    return Decoded.of(line.number(), where, parser.parse(bytes), defaultSource, bytes);
  }
}
