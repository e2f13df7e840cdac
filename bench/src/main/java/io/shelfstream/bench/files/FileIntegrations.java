package io.shelfstream.bench.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.node.Integrations;
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

  /** Polls the status until {@code file} is done; fails after {@code timeout}. */
  static FileProgress awaitDone(URI node, String id, String file, long rows, Duration timeout)
      throws IOException, InterruptedException {
    return FileProgress.of(
        Integrations.await(
            node,
            id,
            timeout,
            status -> FileProgress.of(status, file).done(),
            status -> {
              FileProgress progress = FileProgress.of(status, file);
              return String.format("line %,d of %,d", progress.currentLine(), rows)
                  + (progress.lastError() == null ? "" : ", last error: " + progress.lastError());
            }),
        file);
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
}
