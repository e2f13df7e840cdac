package io.shelfstream.sources.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shelfstream.engine.ledger.FileCounts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's {@code <file>.report.json}, written beside it in the errors directory: what became of
 * its records and each failed line with its number, raw text and every reason. Lists at most {@link
 * #MAX_LINES} lines (the dead letters hold them all), so that a file of bad lines cannot exhaust
 * memory.
 */
final class FileReport {
  static final int MAX_LINES = 1000;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  record FailedLine(long line, String raw, List<String> reasons) {}

  record Content(
      String file,
      String integration,
      String refused,
      FileCounts counts,
      List<FailedLine> failedLines,
      long failedLinesNotListed,
      String note) {}

  private final List<FailedLine> lines = new ArrayList<>();
  private long notListed;
  private final long firstLineRead;

  /** A report of a file read from {@code firstLineRead} on (after a restart, past line 1). */
  FileReport(long firstLineRead) {
    this.firstLineRead = firstLineRead;
  }

  void failed(RowPosition position) {
    if (lines.size() < MAX_LINES) {
      lines.add(new FailedLine(position.line(), position.raw(), position.reasons()));
    } else {
      notListed++;
    }
  }

  boolean hasFailures() {
    return !lines.isEmpty();
  }

  byte[] render(String file, String integration, String refused, FileCounts counts) {
    String note =
        firstLineRead > 2
            ? "the lines before line "
                + firstLineRead
                + " were read before a restart: their failures are in the dead letters, not here"
            : null;
    try {
      return JSON.writeValueAsString(
              new Content(file, integration, refused, counts, lines, notListed, note))
          .getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a report is plain data", e);
    }
  }
}
