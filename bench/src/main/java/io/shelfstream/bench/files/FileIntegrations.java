package io.shelfstream.bench.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.scenario.ScenarioContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The node's file integrations, as an operator creates them: {@code PUT /v1/integrations/{id}} of a
 * {@code directory} or {@code sftp} body reading {@link #PATTERN} files by the built-in sales
 * layout, each ready once its {@code .done} marker exists (so the first poll reads it).
 */
final class FileIntegrations {
  static final String PATTERN = "DAILY_SALES_*.csv";
  static final String DONE_MARKER = ".done";
  private static final ObjectMapper JSON = new ObjectMapper();

  private FileIntegrations() {}

  static ObjectNode directory(Path folder, String location) {
    return sales("directory", location).put("path", folder.toString());
  }

  static ObjectNode sftp(LocalSftpServer server, String remoteDir, String location) {
    return sales("sftp", location)
        .put("host", server.host())
        .put("port", server.port())
        .put("user", LocalSftpServer.USER)
        .put("password-file", server.passwordFile().toString())
        .put("known-hosts", server.knownHosts().toString())
        .put("remote-dir", remoteDir);
  }

  private static ObjectNode sales(String type, String location) {
    ObjectNode body = JSON.createObjectNode().put("type", type);
    body.putObject("files").put("sales", PATTERN);
    return body.put("zone", "UTC")
        .put("location", location)
        .put("poll-interval", "1s")
        .put("done-marker", DONE_MARKER);
  }

  static void create(URI node, String id, ObjectNode body)
      throws IOException, InterruptedException {
    Posts.exchange(
        HttpRequest.newBuilder(uri(node, id))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  static void delete(URI node, String id) throws IOException, InterruptedException {
    Posts.exchange(HttpRequest.newBuilder(uri(node, id)).DELETE());
  }

  /** Polls the status every 100 ms until {@code file} is done; fails after {@code timeout}. */
  static FileProgress awaitDone(URI node, String id, String file, long rows, Duration timeout)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    FileProgress[] progress = {FileProgress.of(JSON.createObjectNode(), file)};
    try (var ticker =
        ScenarioContext.every10Seconds(
            () ->
                String.format(
                    "integration %s: line %,d of %,d in %.0f s",
                    id, progress[0].currentLine(), rows, (System.nanoTime() - started) / 1e9))) {
      while (System.nanoTime() - started < timeout.toNanos()) {
        JsonNode status = JSON.readTree(Posts.exchange(HttpRequest.newBuilder(uri(node, id))));
        progress[0] = FileProgress.of(status, file);
        if (progress[0].done()) {
          return progress[0];
        }
        if (progress[0].failedState()) {
          throw new IOException("the integration failed: " + status);
        }
        Thread.sleep(100);
      }
    }
    throw new IOException(
        String.format(
            "%s was not done within %d s (at line %,d; last error: %s)",
            file, timeout.toSeconds(), progress[0].currentLine(), progress[0].lastError()));
  }

  /** The dead letters of integration {@code id} for {@code file}, among the newest 1000. */
  static long deadLetters(URI node, String id, String file)
      throws IOException, InterruptedException {
    JsonNode letters =
        JSON.readTree(
                Posts.exchange(HttpRequest.newBuilder(node.resolve("/v1/dead-letters?limit=1000"))))
            .path("deadLetters");
    long count = 0;
    for (JsonNode letter : letters) {
      if (letter.path("channel").asText().endsWith(":" + id)
          && letter.path("position").asText().contains(file)) {
        count++;
      }
    }
    return count;
  }

  private static URI uri(URI node, String id) {
    return node.resolve("/v1/integrations/" + id);
  }
}
