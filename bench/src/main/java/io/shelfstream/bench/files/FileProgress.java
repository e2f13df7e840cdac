package io.shelfstream.bench.files;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a file integration's status ({@code GET /v1/integrations/{id}}) says of one file: done once
 * {@code details.lastFile} names it (the ledger has recorded it as done after its last durable
 * record), with that file's own counts; before that, the line being read.
 */
record FileProgress(
    boolean done,
    long accepted,
    long duplicates,
    long rejected,
    long failed,
    long currentLine,
    String lastError) {

  static FileProgress of(JsonNode status, String file) {
    JsonNode details = status.path("details");
    JsonNode last = details.path("lastFile");
    boolean done = file.equals(last.path("name").asText(null));
    return new FileProgress(
        done,
        done ? last.path("accepted").asLong() : 0,
        done ? last.path("duplicates").asLong() : 0,
        done ? last.path("rejected").asLong() : 0,
        done ? last.path("failed").asLong() : 0,
        file.equals(details.path("currentFile").asText(null))
            ? details.path("currentLine").asLong()
            : 0,
        details.path("lastError").asText(status.path("lastError").asText(null)));
  }
}
