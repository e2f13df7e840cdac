package io.shelfstream.sources.files;

import io.shelfstream.engine.ledger.FileCounts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a file source tells in its integration's status: files done, skipped and refused since the
 * node started, the file and line being read, the counts of the last file read, the last file
 * skipped and the last error. Written by the source's stream, read by status calls.
 */
final class FileStatus {
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong withErrors = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private volatile String currentFile;
  private volatile long currentLine;
  private volatile String lastSkipped;
  private volatile String lastError;
  private volatile Instant lastPoll;
  private volatile Map<String, Object> lastFile;
  private volatile String store;

  void opened(String where) {
    store = where;
  }

  FileStatus(String kind) {
    this.store = kind;
  }

  void polled(Instant at) {
    lastPoll = at;
  }

  void reading(String file, long line) {
    currentFile = file;
    currentLine = line;
  }

  void idle() {
    currentFile = null;
    currentLine = 0;
  }

  void done(String file, FileCounts counts, boolean hadErrors) {
    lastFile =
        Map.of(
            "name", file,
            "accepted", counts.accepted(),
            "duplicates", counts.duplicates(),
            "rejected", counts.rejected(),
            "failed", counts.failed());
    done.incrementAndGet();
    if (hadErrors) {
      withErrors.incrementAndGet();
    }
  }

  void skipped(String file, String why) {
    skipped.incrementAndGet();
    lastSkipped = file + ": " + why;
  }

  void refused(String file, String why) {
    refused.incrementAndGet();
    lastError = file + ": " + why;
  }

  void error(String error) {
    lastError = error;
  }

  Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("store", store);
    details.put("filesDone", done.get());
    details.put("filesWithErrors", withErrors.get());
    details.put("filesSkipped", skipped.get());
    details.put("filesRefused", refused.get());
    String file = currentFile;
    if (file != null) {
      details.put("currentFile", file);
      details.put("currentLine", currentLine);
    }
    putIfSet(details, "lastFile", lastFile);
    putIfSet(details, "lastSkipped", lastSkipped);
    putIfSet(details, "lastError", lastError);
    putIfSet(details, "lastPoll", lastPoll == null ? null : lastPoll.toString());
    return details;
  }

  private static void putIfSet(Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.put(key, value);
    }
  }
}
