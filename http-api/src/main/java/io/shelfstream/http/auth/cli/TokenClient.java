package io.shelfstream.http.auth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The token routes of one node, called with an admin token; errors say what to do. */
final class TokenClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;

  TokenClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The answer's JSON (null for none); throws unless the status is {@code expected}. */
  JsonNode send(String method, String path, Object body, int expected)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new IOException(
          "no node answers at " + base + ": start one (./shelfstream run) or give --url");
    }
    String error = error(response.body());
    return switch (response.statusCode()) {
      case 401 ->
          throw new IOException(
              "the node refused the admin token (" + error + "): give a valid one");
      case 403 ->
          throw new IOException(
              "the token is not an admin token (" + error + "): use an admin token");
      default -> {
        if (response.statusCode() != expected) {
          throw new IOException(
              method + " " + path + " answered " + response.statusCode() + ": " + error);
        }
        yield response.body().isEmpty() ? null : JSON.readTree(response.body());
      }
    };
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(entry -> texts.add(entry.asText()));
    return texts;
  }

  private static String error(String body) {
    try {
      JsonNode json = JSON.readTree(body);
      return json != null && json.has("error") ? json.get("error").asText() : body;
    } catch (IOException notJson) {
      return body;
    }
  }
}
