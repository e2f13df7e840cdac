package io.shelfstream.simulations.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The node's integration management API, as an operator uses it. */
final class IntegrationApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI node;

  IntegrationApi(URI node) {
    this.node = node;
  }

  /** Creates a Kafka integration reading {@code topic} as POS transactions. */
  void createKafka(String id, String bootstrapServers, String topic, int maxPollRecords)
      throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .put("type", "kafka")
                .put("bootstrap-servers", bootstrapServers)
                .put("max-poll-records", maxPollRecords)
                .set("topics", JSON.createObjectNode().put("transactions", topic)));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri(id))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "PUT " + uri(id) + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  void delete(String id) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri(id)).timeout(Duration.ofSeconds(30)).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          "DELETE " + uri(id) + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  JsonNode status(String id) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri(id)).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + uri(id) + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private URI uri(String id) {
    return node.resolve("/v1/integrations/" + id);
  }
}
