package io.shelfstream.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.system.testkit.FeedFolder;
import io.shelfstream.system.testkit.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files of examples/feeds, as the README drops them on a node: every golden record, demand
 * signal, dead letter and report they give, against values worked out by hand from the files, so
 * that the examples and the README's answers cannot drift from what the node does.
 */
class ExampleFeedsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples", "feeds");
  private static final String INVENTORY = "INV_SNAPSHOT_20250115.csv";
  private static final String SALES = "DAILY_SALES_20250115.csv";
  private static final String DEMAND = "DEMAND_SIGNALS_20250115.csv";
  private static final String ACME = "ACME_SALES_20250115.csv";
  private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

  /** location, sku, onHand, reserved, inTransit: the snapshot less the valid sales of the day. */
  private static final Object[][] RECORDS = {
    {"store-042", "SKU-1001", 113, 10, 24}, // 120 - (2 + 1 + 3 + 1); the "two" row rejected
    {"store-042", "SKU-1002", 74, 0, 0}, // 80 - (3 + 1 + 2)
    {"store-042", "SKU-1003", 43, 5, 12}, // 45 - (1 + 1)
    {"store-042", "SKU-1004", 190, 20, 0}, // 200 - (1 + 4 + 2 + 3)
    {"store-042", "SKU-1005", 12, 0, 30}, // 15 - (2 + 1)
    {"store-042", "SKU-1006", 57, 6, 0}, // 60 - (1 + 2); the "fax" row rejected
    {"store-042", "SKU-1007", 30, 3, 6}, // 33 - (1 + 2)
    {"store-042", "SKU-1008", 73, 0, 48}, // 90 - (12 + 1 + 4)
    {"store-042", "SKU-1009", 9, 2, 0}, // 12 - (2 + 1)
    {"store-042", "SKU-1010", 221, 25, 50}, // 250 - (6 + 10 + 5 + 8)
    {"store-017", "SKU-1001", 61, 4, 0}, // 64 - (2 + 1); the TEL row rejected
    {"store-017", "SKU-1002", 37, 0, 12}, // 40 - (1 + 2)
    {"store-017", "SKU-1003", 21, 2, 0}, // 22 - 1
    {"store-017", "SKU-1004", 70, 0, 0}, // 75 - (3 + 2)
    {"store-017", "SKU-1005", 7, 0, 16}, // 8 - 1
    {"store-017", "SKU-1006", 28, 3, 0}, // 30 - 2
    {"store-017", "SKU-1007", 15, 0, 0}, // 18 - 3
    {"store-017", "SKU-1008", 46, 5, 24}, // 52 - 6; the 15/01/2025 row rejected
    {"store-017", "SKU-1009", 5, 0, 6}, // 6 - 1
    {"store-017", "SKU-1010", 78, 10, 0}, // 110 - (12 + 20)
  };

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void theExampleFilesGiveExactlyTheRecordsSignalsAndDeadLettersTheReadmeShows(String kind)
      throws Exception {
    Path root = Files.createTempDirectory("shelfstream-examples-");
    try (TestDatabase db = TestDatabase.create(kind);
        NodeProcess node =
            NodeProcess.start(
                db.settings(), root.resolve("node"), Map.of(), KilledMidFileTest.FRESH_STATUS)) {
      Api api = new Api(node.baseUrl());
      FeedFolder feeds = create(api, "feeds", "directory-integration.json", root);
      FeedFolder acme = create(api, "acme", "acme-integration.json", root);
      assertThat(JSON.readTree(EXAMPLES.resolve("acme-mapping.json").toFile()))
          .as("acme-mapping.json is the mapping in acme-integration.json")
          .isEqualTo(
              JSON.readTree(EXAMPLES.resolve("acme-integration.json").toFile())
                  .path("files")
                  .path("acme")
                  .path("mapping"));

      for (String file : List.of(INVENTORY, SALES, DEMAND)) {
        feeds.drop(EXAMPLES.resolve(file));
      }
      acme.drop(EXAMPLES.resolve(ACME));
      assertReport(feeds.awaitIn("errors", INVENTORY + ".report.json", ONE_MINUTE), 20, 12, 23);
      assertReport(feeds.awaitIn("errors", SALES + ".report.json", ONE_MINUTE), 28, 21, 25);
      assertReport(feeds.awaitIn("errors", DEMAND + ".report.json", ONE_MINUTE), 19, 12, 22);
      assertReport(acme.awaitIn("errors", ACME + ".report.json", ONE_MINUTE), 14, 10, 15);
      for (String file : List.of(INVENTORY, SALES, DEMAND)) {
        feeds.awaitIn("errors", file, ONE_MINUTE);
      }
      acme.awaitIn("errors", ACME, ONE_MINUTE);

      for (Object[] expected : RECORDS) {
        JsonNode record = api.inventory((String) expected[0], (String) expected[1]).json();
        String what = expected[0] + "/" + expected[1];
        assertThat(record.path("onHand").asLong())
            .as(what + " onHand")
            .isEqualTo((int) expected[2]);
        assertThat(record.path("reserved").asLong())
            .as(what + " reserved")
            .isEqualTo((int) expected[3]);
        assertThat(record.path("inTransit").asLong())
            .as(what + " inTransit")
            .isEqualTo((int) expected[4]);
        assertThat(record.path("available").asLong())
            .as(what + " available")
            .isEqualTo((int) expected[2] - (int) expected[3]);
      }
      assertThat(api.inventory("store-042", "SKU-1011").status()).isEqualTo(404);
      assertThat(api.inventory("store-017", "SKU-1012").status()).isEqualTo(404);

      JsonNode signals = api.get("/v1/products/SKU-1001/demand-signals").json().path("signals");
      assertThat(signals).hasSize(2);
      assertSignal(signals.get(0), "2025-01-15", "high", "0.35", "18.99", "0.62");
      assertSignal(signals.get(1), "2025-01-16", "high", "0.40", "18.49", "0.66");
      JsonNode sku1010 = api.get("/v1/products/SKU-1010/demand-signals").json().path("signals");
      assertThat(sku1010).as("the 2025-01-16 row's trend 1.70 is rejected").hasSize(1);
      assertSignal(sku1010.get(0), "2025-01-15", "medium", "0.15", "2.79", "0.18");
      assertThat(api.get("/v1/products/SKU-1011/demand-signals").status()).isEqualTo(404);

      JsonNode letters = api.get("/v1/dead-letters?limit=100").json().path("deadLetters");
      List<String> positions = new ArrayList<>();
      letters.forEach(
          letter ->
              positions.add(
                  letter.path("channel").asText() + " " + letter.path("position").asText()));
      assertThat(positions)
          .containsExactlyInAnyOrder(
              "directory:feeds file " + INVENTORY + " line 12",
              "directory:feeds file " + INVENTORY + " line 23",
              "directory:feeds file " + SALES + " line 21",
              "directory:feeds file " + SALES + " line 25",
              "directory:feeds file " + DEMAND + " line 12",
              "directory:feeds file " + DEMAND + " line 22",
              "directory:acme file " + ACME + " line 10",
              "directory:acme file " + ACME + " line 15");
    }
  }

  /** The example's integration body, reading a folder of the test's. */
  private static FeedFolder create(Api api, String id, String bodyFile, Path root)
      throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(EXAMPLES.resolve(bodyFile).toFile());
    Path folder = root.resolve(body.path("path").asText());
    body.put("path", folder.toString());
    body.put("poll-interval", "200ms");
    return FeedFolder.create(api, id, folder, body.toString());
  }

  private static void assertReport(Path report, long accepted, long... failedLines)
      throws IOException {
    JsonNode json = JSON.readTree(report.toFile());
    assertThat(json.path("counts").path("accepted").asLong())
        .as(report + " accepted")
        .isEqualTo(accepted);
    assertThat(json.path("counts").path("duplicates").asLong()).isZero();
    assertThat(json.path("counts").path("rejected").asLong()).isEqualTo(failedLines.length);
    List<Long> lines = new ArrayList<>();
    json.path("failedLines").forEach(line -> lines.add(line.path("line").asLong()));
    assertThat(lines)
        .containsExactly(java.util.Arrays.stream(failedLines).boxed().toArray(Long[]::new));
  }

  private static void assertSignal(
      JsonNode signal, String date, String demand, String trend, String price, String sentiment) {
    assertThat(signal.path("date").asText()).isEqualTo(date);
    assertThat(signal.path("externalDemand").asText()).isEqualTo(demand);
    assertThat(signal.path("marketTrend").decimalValue()).isEqualByComparingTo(trend);
    assertThat(signal.path("competitorPrice").decimalValue()).isEqualByComparingTo(price);
    assertThat(signal.path("socialSentiment").decimalValue()).isEqualByComparingTo(sentiment);
  }
}
