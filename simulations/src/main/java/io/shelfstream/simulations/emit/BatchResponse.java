package io.shelfstream.simulations.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's answer to a batch: {@code {"accepted":n,"duplicates":d,"rejected":r,"errors":[...]}}.
 */
record BatchResponse(long accepted, long duplicates, long rejected, List<LineError> errors) {

  /** The node lists at most this many errors per batch. */
  static final int LISTED_ERRORS = 100;

  record LineError(int line, String eventId, String error) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  static BatchResponse parse(byte[] body) throws IOException {
    JsonNode root = JSON.readTree(body);
    if (root == null
        || !root.path("accepted").canConvertToLong()
        || !root.path("duplicates").canConvertToLong()
        || !root.path("rejected").canConvertToLong()) {
      throw new IOException(
          "batch response lacks accepted/duplicates/rejected counts: " + excerpt(body));
    }
    List<LineError> errors = new ArrayList<>();
    for (JsonNode error : root.path("errors")) {
      errors.add(
          new LineError(
              error.path("line").asInt(-1),
              error.path("eventId").asText(null),
              error.path("error").asText("")));
    }
    return new BatchResponse(
        root.get("accepted").asLong(),
        root.get("duplicates").asLong(),
        root.get("rejected").asLong(),
        errors);
  }

  static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    return body.length > 300 ? text + "..." : text;
  }
}
