package io.shelfstream.http.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** A small client of a node's HTTP API over loopback, for tests. */
public final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client;
  private final String baseUrl;
  private final Optional<String> token;

  /** A client that sends the test nodes' admin token. */
  public Api(String baseUrl) {
    this(baseUrl, HttpClient.newBuilder());
  }

  /** A client of an HTTPS base URL that trusts what {@code tls} trusts. */
  public Api(String baseUrl, SSLContext tls) {
    this(baseUrl, HttpClient.newBuilder().sslContext(tls));
  }

  private Api(String baseUrl, HttpClient.Builder client) {
    this(
        baseUrl,
        client.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
        Optional.of(TestNode.ADMIN_TOKEN));
  }

  private Api(String baseUrl, HttpClient client, Optional<String> token) {
    this.baseUrl = baseUrl;
    this.client = client;
    this.token = token;
  }

  /** The same client sending {@code bearer} instead, or no credential when empty. */
  public Api as(Optional<String> bearer) {
    return new Api(baseUrl, client, bearer);
  }

  public record Reply(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {}

  public Reply postNdjson(String body) {
    return postNdjson(body.getBytes(StandardCharsets.UTF_8));
  }

  public Reply postNdjson(byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/pos/events"))
            .header("Content-Type", "application/x-ndjson")
            .timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  public Reply post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public Reply send(String method, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public Reply get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build());
  }

  public Reply inventory(String locationId, String sku) {
    return get("/v1/inventory/" + encode(locationId) + "/" + encode(sku));
  }

  public Reply store(String storeId) {
    return get("/v1/stores/" + encode(storeId));
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Reply send(HttpRequest request) {
    if (token.isPresent()) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("Authorization", "Bearer " + token.get())
              .build();
    }
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = JSON.readTree(response.body());
      } catch (IOException notJson) {
        // a body that is not JSON stays available as text
      }
      return new Reply(response.statusCode(), json, response.body(), response.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
