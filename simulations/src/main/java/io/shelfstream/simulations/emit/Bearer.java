package io.shelfstream.simulations.emit;

import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * The credential sent to the node ({@code --token} or {@code SHELFSTREAM_TOKEN}): an {@code
 * Authorization: Bearer} header on every request, or none.
 */
public record Bearer(Optional<String> token) {
  public static final Bearer NONE = new Bearer(Optional.empty());

  public HttpRequest.Builder on(HttpRequest.Builder request) {
    token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
    return request;
  }

  /** The header as a raw request line, CRLF included; empty without a token. */
  public String headerLine() {
    return token.map(value -> "Authorization: Bearer " + value + "\r\n").orElse("");
  }
}
