package io.shelfstream.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code directory} integration created over real HTTP on a real node: the built-in layouts and a
 * foreign layout by mapping, bad rows among good ones, the golden records, dead letters and reports
 * they give; then a file stopped half way and resumed through a node restart.
 */
class DirectorySourceTest {
  static final Map<String, Object> FAST =
      Map.of(
          "shelfstream.integration-runtime.supervision.min-backoff", "200ms",
          "shelfstream.integration-runtime.status.details-max-age", "1ms",
          "shelfstream.ingest.batch-size", 200);

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void layoutsAndAMappingGiveExactRecordsDeadLettersAndReports(String kind) throws Exception {
    Path root = Files.createTempDirectory("shelfstream-files-");
    try (TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node =
            ShelfstreamNode.start(TestNode.config(db.settings(), root.resolve("node"), FAST))) {
      Api api = new Api(TestNode.baseUrl(node));
      DropFolder feeds = DropFolder.create(api, root, "feeds", "");

      feeds.drop(
          "INV_SNAPSHOT_20260301.csv",
          "date,product_id,location,stock_level,reserved_stock,in_transit,supplier_id,last_reorder_date\r\n"
              + "2026-03-01T08:00:00,SKU-1,store-1,100,0,0,SUP-1,2026-02-20\r\n"
              + "2026-03-01T08:00:00,SKU-2,store-1,50,5,10,SUP-1,2026-02-20\r\n");
      feeds.awaitIn("processed", "INV_SNAPSHOT_20260301.csv");
      assertThat(feeds.onHand("store-1", "SKU-1")).isEqualTo(100);
      JsonNode sku2 = api.inventory("store-1", "SKU-2").json();
      assertThat(sku2.path("reserved").asLong()).isEqualTo(5);
      assertThat(sku2.path("inTransit").asLong()).isEqualTo(10);
      assertThat(sku2.path("available").asLong()).isEqualTo(45);

      feeds.drop(
          "DEMAND_20260301.csv",
          "date,product_id,external_demand,market_trend,competitor_price,weather_factor,event_impact,social_sentiment\n"
              + "2026-03-01,SKU-1,High,0.25,12.50,0.8,1,-0.5\n"
              + "2026-03-02,SKU-1,low,,,,,\n");
      feeds.awaitIn("processed", "DEMAND_20260301.csv");
      JsonNode signals = api.get("/v1/products/SKU-1/demand-signals").json().path("signals");
      assertThat(signals).hasSize(2);
      assertThat(signals.get(0).path("externalDemand").asText()).isEqualTo("high");
      assertThat(signals.get(0).path("marketTrend").decimalValue()).isEqualByComparingTo("0.25");
      assertThat(signals.get(1).path("externalDemand").asText()).isEqualTo("low");

      String sales =
          "date,product_id,channel,quantity_sold,revenue,customer_segment,promotion_code,fulfillment_method\n"
              + "2026-03-01T12:00:00,SKU-1,online,3,29.97,loyal,,ship\n"
              + "2026-03-01T12:05:00,SKU-1,POS,2,19.98,,SPRING,\n"
              + "2026-03-01T12:10:00,SKU-1,online,three,9.99,,,\n"
              + "2026-03-01T12:15:00,SKU-1,fax,1,9.99,,,\n"
              + "yesterday,SKU-1,online,1,9.99,,,\n"
              + "2026-03-01T12:20:00,SKU-1,online\n"
              + "2026-03-01T12:25:00,SKU-1,online,1,9.99,,,,extra\n";
      feeds.drop("DAILY_SALES_20260301.csv", sales);
      JsonNode report = feeds.report("DAILY_SALES_20260301.csv");
      feeds.awaitIn("errors", "DAILY_SALES_20260301.csv");
      assertThat(report.path("counts").path("accepted").asLong()).isEqualTo(2);
      assertThat(report.path("counts").path("rejected").asLong()).isEqualTo(5);
      List<Long> lines = new ArrayList<>();
      report.path("failedLines").forEach(line -> lines.add(line.path("line").asLong()));
      assertThat(lines).containsExactly(4L, 5L, 6L, 7L, 8L);
      assertThat(report.path("failedLines").get(0).path("raw").asText())
          .isEqualTo("2026-03-01T12:10:00,SKU-1,online,three,9.99,,,");
      assertThat(report.path("failedLines").get(0).path("reasons").get(0).asText())
          .contains("qty (from quantity_sold)")
          .contains("three");
      assertThat(report.path("failedLines").get(1).path("reasons").toString()).contains("fax");
      assertThat(report.path("failedLines").get(2).path("reasons").toString())
          .contains("occurredAt (from date)");
      assertThat(report.path("failedLines").get(3).path("reasons").toString())
          .contains("has 3 fields, the header has 8 (a short row)");
      assertThat(report.path("failedLines").get(4).path("reasons").toString())
          .contains("has 9 fields, the header has 8 (a long row)");

      // a foreign layout: quoted delimiters and line breaks, invalid UTF-8, a quote left open
      byte[] acme =
          concat(
              "Ticket,Shop,EAN,Qty,When,Note\n"
                  + "T-1,store-1,SKU-2,4,2026-03-01 10:00,\"a, b\nc\"\n"
                  + "T-2,store-1,SKU-2,1,2026-03-01 10:05,\"",
              new byte[] {(byte) 0xC3, (byte) 0x28},
              "\"\nT-3,store-1,SKU-2,2,2026-03-01 10:10,plain\n"
                  + "T-4,store-1,SKU-2,1,2026-03-01 10:15,\"never closed\n");
      feeds.drop("ACME_1.csv", acme);
      JsonNode acmeReport = feeds.report("ACME_1.csv");
      assertThat(acmeReport.path("counts").path("accepted").asLong()).isEqualTo(2);
      assertThat(acmeReport.path("failedLines").get(0).path("line").asLong()).isEqualTo(4);
      assertThat(acmeReport.path("failedLines").get(0).path("reasons").toString())
          .contains("not valid UTF-8");
      assertThat(acmeReport.path("failedLines").get(1).path("line").asLong()).isEqualTo(6);
      assertThat(acmeReport.path("failedLines").get(1).path("reasons").toString())
          .contains("unterminated quote");

      assertThat(feeds.onHand("store-1", "SKU-1")).isEqualTo(100 - 3 - 2);
      assertThat(feeds.onHand("store-1", "SKU-2")).isEqualTo(50 - 4 - 2);

      JsonNode letters = api.get("/v1/dead-letters?limit=100").json().get("deadLetters");
      assertThat(letters).hasSize(7);
      List<String> positions = new ArrayList<>();
      letters.forEach(letter -> positions.add(letter.path("position").asText()));
      assertThat(positions)
          .contains(
              "file DAILY_SALES_20260301.csv line 4",
              "file DAILY_SALES_20260301.csv line 8",
              "file ACME_1.csv line 4",
              "file ACME_1.csv line 6");
      assertThat(letters.get(0).path("channel").asText()).isEqualTo("directory:feeds");

      JsonNode details = feeds.details();
      assertThat(details.path("filesDone").asLong()).isEqualTo(4);
      assertThat(details.path("filesWithErrors").asLong()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aFilePausedHalfWayResumesAfterItsLastDurableLineThroughANodeRestart(String kind)
      throws Exception {
    stopHalfWayThenResume(kind, true);
  }

  /** No pause: the node stops under the running file, whose in-flight batches are not recorded. */
  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aNodeStoppedUnderAFileResumesItWithoutCountingAnyRowTwice(String kind) throws Exception {
    stopHalfWayThenResume(kind, false);
  }

  private void stopHalfWayThenResume(String kind, boolean pause) throws Exception {
    Path root = Files.createTempDirectory("shelfstream-files-");
    int rows = 20_000;
    StringBuilder sales =
        new StringBuilder(
            "date,product_id,channel,quantity_sold,revenue,customer_segment,promotion_code,fulfillment_method\n");
    for (int i = 0; i < rows; i++) {
      sales
          .append("2026-03-02T")
          .append(String.format("%02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60))
          .append(",SKU-R,online,1,1.50,c")
          .append(i)
          .append(",,\n");
    }
    try (TestDatabase db = TestDatabase.create(kind)) {
      var config = TestNode.config(db.settings(), root.resolve("node"), FAST);
      DropFolder feeds;
      try (ShelfstreamNode node = ShelfstreamNode.start(config)) {
        Api api = new Api(TestNode.baseUrl(node));
        feeds = DropFolder.create(api, root, "resume", "");
        feeds.drop(
            "INV_SNAPSHOT_1.csv",
            "date,product_id,location,stock_level\n2026-03-01T00:00:00,SKU-R,store-1,1000000\n");
        feeds.awaitIn("processed", "INV_SNAPSHOT_1.csv");
        feeds.drop("DAILY_SALES_big.csv", sales.toString());
        Awaitility.await("half way")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> feeds.details().path("currentLine").asLong() > 2_000);
        if (pause) {
          // the stream stops reading; its in-flight records become durable and recorded
          api.post("/v1/integrations/resume/pause", "application/json", "");
        }
      }
      assertThat(feeds.dir.resolve("DAILY_SALES_big.csv")).exists();

      try (ShelfstreamNode node = ShelfstreamNode.start(config)) {
        Api api = new Api(TestNode.baseUrl(node));
        DropFolder again = new DropFolder(api, "resume", feeds.dir);
        if (pause) {
          assertThat(api.post("/v1/integrations/resume/resume", "application/json", "").status())
              .isEqualTo(200);
        }
        again.awaitIn("processed", "DAILY_SALES_big.csv");
        assertThat(again.onHand("store-1", "SKU-R")).isEqualTo(1_000_000 - rows);
        JsonNode last = again.details().path("lastFile");
        assertThat(last.path("accepted").asLong() + last.path("duplicates").asLong())
            .isEqualTo(rows);
        // resumed after the last durable line, not from the start
        assertThat(last.path("duplicates").asLong()).isLessThan(rows / 2);
      }
    }
  }

  static byte[] concat(String head, byte[] middle, String tail) {
    byte[] a = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] c = tail.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] all = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(middle, 0, all, a.length, middle.length);
    System.arraycopy(c, 0, all, a.length + middle.length, c.length);
    return all;
  }
}
