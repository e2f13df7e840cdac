package io.shelfstream.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.http.testkit.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/** A {@code directory} integration of a test node, and its folder: drop files, await them. */
final class DropFolder {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACME_MAPPING =
      "{\"fields\": ["
          + "{\"target\": \"type\", \"transforms\": [{\"constant\": \"sale\"}]},"
          + "{\"target\": \"eventId\", \"source\": \"Ticket\", \"required\": true},"
          + "{\"target\": \"occurredAt\", \"source\": \"When\", \"formats\": [\"yyyy-MM-dd HH:mm\"],"
          + " \"zone\": \"UTC\", \"required\": true},"
          + "{\"target\": \"locationId\", \"source\": \"Shop\", \"required\": true},"
          + "{\"target\": \"sku\", \"source\": \"EAN\", \"required\": true},"
          + "{\"target\": \"qty\", \"source\": \"Qty\", \"required\": true}]}";

  final Api api;
  final String id;
  final Path dir;

  DropFolder(Api api, String id, Path dir) {
    this.api = api;
    this.id = id;
    this.dir = dir;
  }

  /** Creates the integration over a new folder; {@code extra} overrides the test defaults. */
  static DropFolder create(Api api, Path root, String id, String extra) throws IOException {
    Path dir = Files.createDirectories(root.resolve(id));
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "directory");
    body.put("path", dir.toString());
    body.set(
        "files",
        JSON.readTree(
            "{\"inventory\": \"INV_SNAPSHOT_*.csv\", \"sales\": \"DAILY_SALES_*.csv\","
                + " \"demand-signals\": \"DEMAND_*.csv\","
                + " \"acme\": {\"pattern\": \"ACME_*.csv\", \"mapping\": "
                + ACME_MAPPING
                + "}}"));
    body.put("zone", "UTC");
    body.put("location", "store-1");
    body.put("poll-interval", "100ms");
    body.put("stable-for", "0s");
    body.setAll((ObjectNode) JSON.readTree("{" + extra + "}"));
    Api.Reply created = api.send("PUT", "/v1/integrations/" + id, body.toString());
    assertThat(created.status()).as(created.body()).isBetween(200, 201);
    return new DropFolder(api, id, dir);
  }

  /** Writes a file beside the folder, then renames it in, as a careful sender does. */
  Path drop(String name, byte[] content) throws IOException {
    Path staged = Files.createTempFile(dir.getParent(), "staged-", ".tmp");
    Files.write(staged, content);
    return Files.move(staged, dir.resolve(name));
  }

  Path drop(String name, String content) throws IOException {
    return drop(name, content.getBytes(StandardCharsets.UTF_8));
  }

  Path awaitIn(String subDirectory, String name) {
    return awaitIn(subDirectory, name, Duration.ofSeconds(60));
  }

  Path awaitIn(String subDirectory, String name, Duration atMost) {
    Path moved = dir.resolve(subDirectory).resolve(name);
    try {
      Awaitility.await(name + " in " + subDirectory)
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Files.exists(moved) && !Files.exists(dir.resolve(name)));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
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

  JsonNode report(String name) {
    try {
      return JSON.readTree(awaitIn("errors", name + ".report.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode details() {
    return api.get("/v1/integrations/" + id).json().path("details");
  }

  long onHand(String location, String sku) {
    return api.inventory(location, sku).json().path("onHand").asLong(Long.MIN_VALUE);
  }
}
