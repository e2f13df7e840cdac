package io.shelfstream.simulations.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.simulations.emit.Bearer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Reads golden records and policies from a node over HTTP. */
public final class NodeClient {

  /** A record as served: the status, and the body when it is 200. */
  public record Fetched(int status, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client;
  private final URI base;
  private final Bearer bearer;

  public NodeClient(URI base, Bearer bearer) {
    this.bearer = bearer;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.base = base;
  }

  /** The policies document; fails with the node's answer when it is not 200. */
  public String policies() throws IOException, InterruptedException {
    URI uri = base.resolve("/v1/golden-record/policies");
    HttpResponse<String> response = client.send(get(uri), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET "
              + uri
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + response.body()
              + (response.statusCode() == 401 || response.statusCode() == 403
                  ? " (pass a token with the read role: --token or SHELFSTREAM_TOKEN)"
                  : ""));
    }
    return response.body();
  }

  /** A record, e.g. {@code /v1/stores/S001}: its status, and its body when that is 200. */
  public CompletableFuture<Fetched> fetch(String path) {
    URI uri = base.resolve(path);
    return client
        .sendAsync(get(uri), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(
            response -> {
              if (response.statusCode() != 200) {
                return new Fetched(response.statusCode(), null);
              }
              try {
                return new Fetched(200, JSON.readTree(response.body()));
              } catch (IOException e) {
                throw new UncheckedIOException("GET " + uri + ": body is not JSON", e);
              }
            });
  }

  private HttpRequest get(URI uri) {
    return bearer
        .on(HttpRequest.newBuilder(uri))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  /** URLEncoder encodes for forms: a space must be %20 in a path, not '+'. */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
