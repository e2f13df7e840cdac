package io.shelfstream.simulations.emit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The node's answer to a batch: {@code {"accepted":n,"duplicates":d,"rejected":r,"errors":[...]}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BatchResponse(
    @JsonProperty(required = true) long accepted,
    @JsonProperty(required = true) long duplicates,
    @JsonProperty(required = true) long rejected,
    List<LineError> errors) {

  /** The node lists at most this many errors per batch. */
  static final int LISTED_ERRORS = 100;

  private static final ObjectMapper JSON = new ObjectMapper();

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LineError(int line, String eventId, String error) {}

  BatchResponse {
    errors = errors == null ? List.of() : errors;
  }

  static BatchResponse parse(byte[] body) throws IOException {
    try {
      return JSON.readValue(body, BatchResponse.class);
    } catch (IOException e) {
      throw new IOException(
          "unreadable batch response (" + e.getMessage() + "): " + excerpt(body), e);
    }
  }

  static String excerpt(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    return body.length > 300 ? text + "..." : text;
  }
}
