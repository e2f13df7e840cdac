package io.shelfstream.bench.catalog;

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

/** What the bench asks a node, over its HTTP API as an operator does. */
final class NodeApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI node;

  NodeApi(URI node) {
    this.node = node;
  }

  URI uri() {
    return node;
  }

  boolean healthy() throws InterruptedException {
    try {
      return HTTP.send(get("/health"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** A Kafka integration reading {@code topic} as POS transactions. */
  void createKafkaIntegration(String id, String bootstrapServers, String topic, int maxPollRecords)
      throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .put("type", "kafka")
                .put("bootstrap-servers", bootstrapServers)
                .put("max-poll-records", maxPollRecords)
                .set("topics", JSON.createObjectNode().put("transactions", topic)));
    HttpRequest put =
        HttpRequest.newBuilder(node.resolve("/v1/integrations/" + id))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "PUT /v1/integrations/"
              + id
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  JsonNode integration(String id) throws IOException, InterruptedException {
    return okJson(get("/v1/integrations/" + id));
  }

  /** The golden record of a SKU at a location; null when the node has none (404). */
  JsonNode inventory(String locationId, String sku) throws IOException, InterruptedException {
    HttpRequest request = get("/v1/inventory/" + encode(locationId) + "/" + encode(sku));
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private JsonNode okJson(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(node.resolve(path)).timeout(TIMEOUT).GET().build();
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
