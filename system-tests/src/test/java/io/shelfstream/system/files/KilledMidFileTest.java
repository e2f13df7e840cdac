package io.shelfstream.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.system.testkit.FeedFolder;
import io.shelfstream.system.testkit.NodeProcess;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node killed with kill -9 while it reads a large sales file, restarted on the same database and
 * folder: the file completes from after its last durable line, and every SKU's stock is exactly the
 * snapshot minus the quantities in the file, as this test sums them from the CSV itself.
 */
class KilledMidFileTest {
  private static final int ROWS = 100_000;
  private static final int SKUS = 40;
  private static final long STOCK = 1_000_000;
  private static final String SALES = "DAILY_SALES_20260302.csv";
  static final Map<String, String> FRESH_STATUS =
      Map.of("shelfstream.integration-runtime.status.details-max-age", "1ms");

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aFileReadWhenTheNodeIsKilledCompletesAfterARestartWithoutCountingARowTwice(String kind)
      throws Exception {
    Path root = Files.createTempDirectory("shelfstream-kill-file-");
    Path dataDir = root.resolve("node");
    Path folder = root.resolve("live_feeds");
    Path sales = writeSales(root.resolve(SALES));
    Map<String, Long> expected = expectedOnHand(sales);
    long readBeforeKill;

    try (TestDatabase db = TestDatabase.create(kind)) {
      try (NodeProcess node = NodeProcess.start(db.settings(), dataDir, Map.of(), FRESH_STATUS)) {
        FeedFolder feeds = FeedFolder.create(new Api(node.baseUrl()), "shop", folder, body(folder));
        feeds.drop(writeSnapshot(root.resolve("INV_SNAPSHOT_20260301.csv")));
        feeds.awaitIn("processed", "INV_SNAPSHOT_20260301.csv", Duration.ofSeconds(60));
        feeds.drop(sales);
        AtomicLong line = new AtomicLong();
        Awaitility.await("some of " + SALES + " read, not all")
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> {
                  JsonNode details = feeds.details();
                  assertThat(details.path("filesDone").asLong())
                      .as("the file must still be being read when the node is killed")
                      .isEqualTo(1);
                  line.set(details.path("currentLine").asLong());
                  return SALES.equals(details.path("currentFile").asText())
                      && line.get() > ROWS * 3 / 10;
                });
        node.kill9();
        readBeforeKill = line.get();
      }
      assertThat(folder.resolve(SALES)).as("a file not done stays in the folder").exists();

      try (NodeProcess node = NodeProcess.start(db.settings(), dataDir, Map.of(), FRESH_STATUS)) {
        Api api = new Api(node.baseUrl());
        FeedFolder feeds = new FeedFolder(api, "shop", folder);
        feeds.awaitIn("processed", SALES, Duration.ofMinutes(5));
        for (Map.Entry<String, Long> sku : expected.entrySet()) {
          assertThat(api.inventory("store-9", sku.getKey()).json().path("onHand").asLong())
              .as(sku.getKey() + ": the snapshot minus every sale in the file, once")
              .isEqualTo(sku.getValue());
        }
        JsonNode last = feeds.details().path("lastFile");
        assertThat(last.path("name").asText()).isEqualTo(SALES);
        assertThat(last.path("accepted").asLong() + last.path("duplicates").asLong())
            .isEqualTo(ROWS);
        assertThat(last.path("rejected").asLong()).isZero();
        // resumed after the last durable line: only the batches in flight at the kill come again
        assertThat(last.path("duplicates").asLong())
            .as("rows read again, of %d read before the kill", readBeforeKill)
            .isLessThan(readBeforeKill / 2);
        assertThat(api.get("/v1/dead-letters?limit=10").json().path("deadLetters")).isEmpty();
      }
    }
  }

  private static String body(Path folder) {
    return "{\"type\": \"directory\", \"path\": \""
        + folder.toString().replace("\\", "\\\\")
        + "\", \"files\": {\"sales\": \"DAILY_SALES_*.csv\", \"inventory\": \"INV_SNAPSHOT_*.csv\"},"
        + " \"zone\": \"Europe/Paris\", \"location\": \"store-9\","
        + " \"poll-interval\": \"200ms\", \"stable-for\": \"0s\"}";
  }

  private static Path writeSnapshot(Path file) throws IOException {
    StringBuilder csv =
        new StringBuilder(
            "date,product_id,location,stock_level,reserved_stock,in_transit,supplier_id,last_reorder_date\n");
    for (int sku = 0; sku < SKUS; sku++) {
      csv.append("2026-03-01T06:00:00,SKU-")
          .append(sku)
          .append(",store-9,")
          .append(STOCK)
          .append(",0,0,SUP-1,2026-02-20\n");
    }
    return Files.writeString(file, csv.toString());
  }

  /** Sales of varied quantities over the SKUs, each row different from every other. */
  private static Path writeSales(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "date,product_id,channel,quantity_sold,revenue,customer_segment,promotion_code,fulfillment_method\n");
      for (int i = 0; i < ROWS; i++) {
        int quantity = 1 + (i * 7) % 5;
        out.write(
            String.format(
                "2026-03-02T%02d:%02d:%02d,SKU-%d,%s,%d,%d.50,c%d,,\n",
                8 + i / 3600 % 12,
                i / 60 % 60,
                i % 60,
                (i * 13) % SKUS,
                i % 3 == 0 ? "pos" : "online",
                quantity,
                quantity * 2,
                i));
      }
    }
    return file;
  }

  /** Each SKU's stock after the file, from the CSV's own columns. */
  private static Map<String, Long> expectedOnHand(Path sales) throws IOException {
    Map<String, Long> onHand = new TreeMap<>();
    for (int sku = 0; sku < SKUS; sku++) {
      onHand.put("SKU-" + sku, STOCK);
    }
    List<String> lines = Files.readAllLines(sales);
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      onHand.merge(fields[1], -Long.parseLong(fields[3]), Long::sum);
    }
    return onHand;
  }
}
