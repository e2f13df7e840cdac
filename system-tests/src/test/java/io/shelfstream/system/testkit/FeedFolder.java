package io.shelfstream.system.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.testkit.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A {@code directory} integration's folder on a node, seen from outside: drop files, await them.
 */
public record FeedFolder(Api api, String id, Path dir) {

  /** Creates (or replaces) the integration with {@code body}, a JSON object. */
  public static FeedFolder create(Api api, String id, Path dir, String body) throws IOException {
    Files.createDirectories(dir);
    Api.Reply created = api.send("PUT", "/v1/integrations/" + id, body);
    assertThat(created.status()).as(created.body()).isBetween(200, 201);
    return new FeedFolder(api, id, dir);
  }

  /** Copies a file beside the folder, then renames it in, as a careful sender does. */
  public Path drop(Path file) throws IOException {
    Path staged = Files.createTempFile(dir.getParent(), "staged-", ".tmp");
    Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
    return Files.move(staged, dir.resolve(file.getFileName().toString()));
  }

  public Path awaitIn(String subDirectory, String name, Duration atMost) {
    Path moved = dir.resolve(subDirectory).resolve(name);
    try {
      Awaitility.await(name + " in " + subDirectory)
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Files.exists(moved) && !Files.exists(dir.resolve(name)));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          name
              + " not in "
              + subDirectory
              + "; status: "
              + api.get("/v1/integrations/" + id).body(),
          e);
    }
    return moved;
  }

  /** The integration's status: its counters, and its source's {@code details}. */
  public JsonNode status() {
    return api.get("/v1/integrations/" + id).json();
  }

  public JsonNode details() {
    return status().path("details");
  }
}
