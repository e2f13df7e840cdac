package io.shelfstream.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.sources.files.sftp.SftpTestServer;
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
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node killed with kill -9 while it reads a large sales file, restarted on the same database and
 * folder (a {@code directory}, or an {@code sftp} server that outlives the node): the file
 * completes from after its last durable line, and every SKU's stock is exactly the snapshot minus
 * the quantities in the file, as this test sums them from the CSV itself.
 */
class KilledMidFileTest {
  private static final int ROWS = 100_000;
  private static final int SKUS = 40;
  private static final long STOCK = 1_000_000;
  private static final String SALES = "DAILY_SALES_20260302.csv";
  private static final Map<String, String> SECRETS =
      Map.of("SFTP_PASSWORD", SftpTestServer.PASSWORD);
  private static final String FEEDS =
      "\"files\": {\"sales\": \"DAILY_SALES_*.csv\", \"inventory\": \"INV_SNAPSHOT_*.csv\"},"
          + " \"zone\": \"Europe/Paris\", \"location\": \"store-9\","
          + " \"poll-interval\": \"200ms\", \"stable-for\": \"0s\"";
  static final Map<String, String> FRESH_STATUS =
      Map.of("shelfstream.integration-runtime.status.details-max-age", "1ms");

  static Stream<Arguments> databasesAndStores() {
    return TestDatabase.kinds()
        .flatMap(kind -> Stream.of(Arguments.of(kind, "directory"), Arguments.of(kind, "sftp")));
  }

  @ParameterizedTest
  @MethodSource("databasesAndStores")
  void aFileReadWhenTheNodeIsKilledCompletesAfterARestartWithoutCountingARowTwice(
      String kind, String store) throws Exception {
    Path root = Files.createTempDirectory("shelfstream-kill-file-");
    Path dataDir = root.resolve("node");
    Path sales = writeSales(root.resolve(SALES));
    Map<String, Long> expected = expectedOnHand(sales);
    long readBeforeKill;
    long durableBeforeKill;

    try (TestDatabase db = TestDatabase.create(kind);
        SftpTestServer server =
            store.equals("sftp")
                ? new SftpTestServer(Files.createDirectories(root.resolve("sftp")))
                : null) {
      Path folder;
      String body;
      if (server != null) {
        folder = Files.createDirectories(server.root().resolve("outbound"));
        Path knownHosts = Files.writeString(root.resolve("known_hosts"), server.knownHostsLine());
        body = sftpBody(server.port(), knownHosts);
      } else {
        folder = root.resolve("live_feeds");
        body = directoryBody(folder);
      }
      try (NodeProcess node = NodeProcess.start(db.settings(), dataDir, SECRETS, FRESH_STATUS)) {
        FeedFolder feeds = FeedFolder.create(new Api(node.baseUrl()), "shop", folder, body);
        feeds.drop(writeSnapshot(root.resolve("INV_SNAPSHOT_20260301.csv")));
        feeds.awaitIn("processed", "INV_SNAPSHOT_20260301.csv", Duration.ofSeconds(60));
        feeds.drop(sales);
        AtomicLong line = new AtomicLong();
        AtomicLong durable = new AtomicLong();
        Awaitility.await("half of " + SALES + " durable, not all")
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> {
                  JsonNode status = feeds.status();
                  JsonNode details = status.path("details");
                  assertThat(details.path("filesDone").asLong())
                      .as("the file must still be being read when the node is killed")
                      .isEqualTo(1);
                  line.set(details.path("currentLine").asLong());
                  durable.set(status.path("accepted").asLong() - SKUS);
                  return SALES.equals(details.path("currentFile").asText())
                      && durable.get() > ROWS / 2;
                });
        node.kill9();
        readBeforeKill = line.get();
        durableBeforeKill = durable.get();
      }
      assertThat(folder.resolve(SALES)).as("a file not done stays in the folder").exists();

      try (NodeProcess node = NodeProcess.start(db.settings(), dataDir, SECRETS, FRESH_STATUS)) {
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
        // resumed after the last recorded line: only rows durable but not yet recorded come
        // again, at most the batches in flight; read from line 1, every durable row would
        assertThat(last.path("duplicates").asLong())
            .as(
                "rows read again, of %d durable and %d read when killed",
                durableBeforeKill, readBeforeKill)
            .isLessThan(durableBeforeKill / 2);
        assertThat(api.get("/v1/dead-letters?limit=10").json().path("deadLetters")).isEmpty();
      }
    }
  }

  private static String directoryBody(Path folder) {
    return "{\"type\": \"directory\", \"path\": \"" + folder + "\", " + FEEDS + "}";
  }

  /** Files read from the server move to outbound/processed, as they do in a directory. */
  private static String sftpBody(int port, Path knownHosts) {
    return "{\"type\": \"sftp\", \"host\": \"127.0.0.1\", \"port\": "
        + port
        + ", \"user\": \""
        + SftpTestServer.USER
        + "\", \"password-env\": \"SFTP_PASSWORD\", \"known-hosts\": \""
        + knownHosts
        + "\", \"remote-dir\": \"/outbound\", \"processed-dir\": \"processed\", "
        + FEEDS
        + "}";
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
