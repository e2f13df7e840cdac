package io.shelfstream.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.system.testkit.FeedFolder;
import io.shelfstream.system.testkit.NodeProcess;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With an hour between polls, a file the first poll finds is still read as soon as it has been
 * stable for {@code stable-for}, and never while it is being written: its rows all count once.
 */
class SettlingFileTest {
  private static final String HEADER =
      "date,product_id,location,stock_level,reserved_stock,in_transit,supplier_id,last_reorder_date\n";
  private static final int CHUNKS = 10;
  private static final int ROWS_PER_CHUNK = 20;

  @Test
  void aFileFoundByAPollIsReadOnceStableNotAPollIntervalLaterAndNeverWhileWritten()
      throws Exception {
    Path root = Files.createTempDirectory("shelfstream-settling-");
    Path folder = Files.createDirectories(root.resolve("in"));
    Path file = folder.resolve("INV_SNAPSHOT_1.csv");
    try (TestDatabase db = TestDatabase.create("h2");
        NodeProcess node =
            NodeProcess.start(
                db.settings(), root.resolve("node"), Map.of(), KilledMidFileTest.FRESH_STATUS);
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.flush();
      Api api = new Api(node.baseUrl());
      FeedFolder feeds =
          FeedFolder.create(
              api,
              "hourly",
              folder,
              "{\"type\": \"directory\", \"path\": \""
                  + folder
                  + "\", \"files\": {\"inventory\": \"INV_SNAPSHOT_*.csv\"}, \"zone\": \"UTC\","
                  + " \"poll-interval\": \"1h\", \"stable-for\": \"3s\"}");
      // the writer adds a chunk more often than stable-for: each listing sees the file grow
      for (int chunk = 0; chunk < CHUNKS; chunk++) {
        writeChunk(out, chunk);
        Thread.sleep(300);
        assertThat(feeds.details().path("filesDone").asLong())
            .as("a file still being written is not read")
            .isZero();
        assertThat(feeds.details().has("currentFile")).isFalse();
      }
      out.close();

      feeds.awaitIn("processed", file.getFileName().toString(), Duration.ofSeconds(60));
      JsonNode last = feeds.details().path("lastFile");
      assertThat(last.path("accepted").asLong()).isEqualTo(CHUNKS * ROWS_PER_CHUNK);
      assertThat(last.path("duplicates").asLong()).isZero();
      assertThat(feeds.details().path("filesDone").asLong()).isEqualTo(1);
      assertThat(
              api.inventory("L1", "SKU-" + (CHUNKS * ROWS_PER_CHUNK - 1))
                  .json()
                  .path("onHand")
                  .asLong())
          .isEqualTo(CHUNKS * ROWS_PER_CHUNK - 1);
    }
  }

  private static void writeChunk(Writer out, int chunk) throws IOException {
    for (int row = 0; row < ROWS_PER_CHUNK; row++) {
      int sku = chunk * ROWS_PER_CHUNK + row;
      out.write("2026-03-01T06:00:00,SKU-" + sku + ",L1," + sku + ",0,0,SUP-1,2026-02-20\n");
    }
    out.flush();
  }
}
