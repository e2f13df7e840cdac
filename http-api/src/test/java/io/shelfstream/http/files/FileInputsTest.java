package io.shelfstream.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The files a drop folder meets, on one node (H2): partial files, re-uploads, and every kind of bad
 * input, each named in its report and dead letters, none stopping the source.
 */
class FileInputsTest {
  static final String INVENTORY_HEADER =
      "date,product_id,location,stock_level,reserved_stock,in_transit,supplier_id,last_reorder_date\n";

  static TestDatabase db;
  static ShelfstreamNode node;
  static Api api;
  static Path root;

  @BeforeAll
  static void start() throws Exception {
    db = TestDatabase.h2();
    root = Files.createTempDirectory("shelfstream-inputs-");
    node =
        ShelfstreamNode.start(
            TestNode.config(db.settings(), root.resolve("node"), DirectorySourceTest.FAST));
    api = new Api(TestNode.baseUrl(node));
  }

  @AfterAll
  static void stop() {
    node.close();
    db.close();
  }

  static String counts(String sku, int onHand) {
    return "2026-03-01T08:00:00," + sku + ",store-1," + onHand + ",1,2,SUP,2026-02-01\n";
  }

  @Test
  void aFileStillGrowingIsReadOnlyOnceStable() throws Exception {
    DropFolder feeds = DropFolder.create(api, root, "growing", "\"stable-for\": \"3s\"");
    Path file = feeds.dir.resolve("INV_SNAPSHOT_growing.csv");
    Files.writeString(file, INVENTORY_HEADER);
    // a slow writer, a row every 250 ms: far more often than stable-for, even on a loaded machine
    for (int i = 0; i < 12; i++) {
      Files.writeString(file, counts("G-" + i, i), StandardOpenOption.APPEND);
      Thread.sleep(250);
    }
    feeds.awaitIn("processed", "INV_SNAPSHOT_growing.csv");
    JsonNode details = feeds.details();
    assertThat(details.path("filesDone").asLong()).isEqualTo(1);
    assertThat(details.path("lastFile").path("accepted").asLong()).isEqualTo(12);
    assertThat(feeds.onHand("store-1", "G-11")).isEqualTo(11);
  }

  @Test
  void withADoneMarkerAFileWaitsForItsMarker() throws Exception {
    DropFolder feeds = DropFolder.create(api, root, "marked", "\"done-marker\": \".done\"");
    feeds.drop("INV_SNAPSHOT_m.csv", INVENTORY_HEADER + counts("M-1", 7));
    String firstPoll = feeds.details().path("lastPoll").asText();
    Awaitility.await("several polls")
        .atMost(Duration.ofSeconds(30))
        .until(() -> !feeds.details().path("lastPoll").asText().equals(firstPoll));
    Awaitility.await("yet more polls")
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String poll = feeds.details().path("lastPoll").asText();
              return !poll.equals(firstPoll);
            });
    assertThat(feeds.dir.resolve("INV_SNAPSHOT_m.csv")).exists();
    assertThat(feeds.details().path("filesDone").asLong()).isZero();
    feeds.drop("INV_SNAPSHOT_m.csv.done", "");
    feeds.awaitIn("processed", "INV_SNAPSHOT_m.csv");
    feeds.awaitIn("processed", "INV_SNAPSHOT_m.csv.done");
    assertThat(feeds.onHand("store-1", "M-1")).isEqualTo(7);
  }

  @Test
  void anIdenticalReuploadIsSkippedAndAChangedOneGivesDuplicatesForItsOldRows() throws Exception {
    DropFolder feeds = DropFolder.create(api, root, "reupload", "");
    String content = INVENTORY_HEADER + counts("R-1", 10) + counts("R-2", 20);
    feeds.drop("INV_SNAPSHOT_r.csv", content);
    Path processed = feeds.awaitIn("processed", "INV_SNAPSHOT_r.csv");
    Files.delete(processed);

    Path again = feeds.drop("INV_SNAPSHOT_r.csv", content);
    Files.setLastModifiedTime(again, FileTime.from(Instant.now().plusSeconds(60)));
    feeds.awaitIn("processed", "INV_SNAPSHOT_r.csv");
    Awaitility.await("skipped")
        .atMost(Duration.ofSeconds(30))
        .until(() -> feeds.details().path("filesSkipped").asLong() == 1);
    assertThat(feeds.details().path("lastSkipped").asText())
        .startsWith("INV_SNAPSHOT_r.csv: identical to the file of that name read on");
    assertThat(feeds.details().path("filesDone").asLong()).isEqualTo(1);

    // the daily file grows: sent again with a row appended
    feeds.drop("INV_SNAPSHOT_r.csv", content + "2026-03-01T09:00:00,R-1,store-1,9,,,,\n");
    Awaitility.await("read again")
        .atMost(Duration.ofSeconds(30))
        .until(() -> feeds.details().path("filesDone").asLong() == 2);
    JsonNode last = feeds.details().path("lastFile");
    assertThat(last.path("duplicates").asLong()).isEqualTo(2);
    assertThat(last.path("accepted").asLong()).isEqualTo(1);
    assertThat(feeds.onHand("store-1", "R-1")).isEqualTo(9);
    assertThat(feeds.onHand("store-1", "R-2")).isEqualTo(20);
  }

  @Test
  void gzipBomCrlfAndQuotedLineBreaksAreRead() throws Exception {
    DropFolder feeds = DropFolder.create(api, root, "encodings", "\"delimiter\": \"semicolon\"");
    String text =
        "\uFEFF"
            + INVENTORY_HEADER.replace(',', ';').replace("\n", "\r\n")
            + "2026-03-01T08:00:00;Z-1;store-1;5;;;\"SUP;\r\nnorth\";2026-02-01\r\n"
            + "2026-03-01T08:00:00;Z-2;store-1;6;;;;\r\n";
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    feeds.drop("INV_SNAPSHOT_z.csv.gz", zipped.toByteArray());
    feeds.awaitIn("processed", "INV_SNAPSHOT_z.csv.gz");
    assertThat(feeds.onHand("store-1", "Z-1")).isEqualTo(5);
    assertThat(feeds.onHand("store-1", "Z-2")).isEqualTo(6);
    assertThat(feeds.details().path("lastFile").path("accepted").asLong()).isEqualTo(2);
  }

  @Test
  void filesWithoutAUsableHeaderAreRefusedWhole() throws Exception {
    DropFolder feeds = DropFolder.create(api, root, "headers", "");
    feeds.drop("INV_SNAPSHOT_wrong.csv", "day,sku,where,count\n2026-03-01,H-1,store-1,4\n");
    feeds.drop("INV_SNAPSHOT_missing.csv", "2026-03-01T08:00:00,H-1,store-1,4,,,,\n");
    feeds.drop("INV_SNAPSHOT_empty.csv", new byte[0]);
    byte[] binary = new byte[4096];
    new Random(7).nextBytes(binary);
    feeds.drop("INV_SNAPSHOT_binary.csv", binary);

    assertThat(feeds.report("INV_SNAPSHOT_wrong.csv").path("refused").asText())
        .isEqualTo(
            "header (line 1): lacks the column(s) date, product_id, location, stock_level that"
                + " the inventory feed needs; it has day, sku, where, count");
    assertThat(feeds.report("INV_SNAPSHOT_missing.csv").path("refused").asText())
        .contains("lacks the column(s) date, product_id, location, stock_level");
    assertThat(feeds.report("INV_SNAPSHOT_empty.csv").path("refused").asText())
        .isEqualTo("the file is empty (0 bytes): it has no header line");
    assertThat(feeds.report("INV_SNAPSHOT_binary.csv").path("refused").asText())
        .startsWith("header (line 1): ");
    for (String name : new String[] {"wrong", "missing", "empty", "binary"}) {
      feeds.awaitIn("errors", "INV_SNAPSHOT_" + name + ".csv");
    }
    assertThat(feeds.onHand("store-1", "H-1")).isEqualTo(Long.MIN_VALUE);
    Awaitility.await("refusals counted")
        .atMost(Duration.ofSeconds(10))
        .until(() -> feeds.details().path("filesRefused").asLong() == 4);
    assertThat(letters("directory:headers")).hasSize(4);

    // a header alone is a file with nothing to do, not an error
    feeds.drop("INV_SNAPSHOT_header.csv", INVENTORY_HEADER);
    feeds.awaitIn("processed", "INV_SNAPSHOT_header.csv");
  }

  @Test
  void aTenMegabyteLineIsRejectedWithABoundedCopyAndTheRestOfTheFileIsRead() throws Exception {
    DropFolder feeds = DropFolder.create(api, root, "huge", "");
    StringBuilder text = new StringBuilder(INVENTORY_HEADER).append(counts("L-1", 1));
    text.append("2026-03-01T08:00:00,L-9,store-1,").append("9".repeat(10 << 20)).append("\n");
    text.append(counts("L-2", 2));
    feeds.drop("INV_SNAPSHOT_huge.csv", text.toString());
    JsonNode report = feeds.report("INV_SNAPSHOT_huge.csv");
    assertThat(report.path("counts").path("accepted").asLong()).isEqualTo(2);
    assertThat(report.path("failedLines").get(0).path("line").asLong()).isEqualTo(3);
    assertThat(report.path("failedLines").get(0).path("reasons").get(0).asText())
        .startsWith("record: longer than 1048576 bytes (10485792 bytes");
    assertThat(report.path("failedLines").get(0).path("raw").asText()).hasSize(4096);
    JsonNode letter = letters("directory:huge").get(0);
    assertThat(letter.path("position").asText()).isEqualTo("file INV_SNAPSHOT_huge.csv line 3");
    assertThat(letter.path("raw").asText()).hasSize(64 * 1024);
    assertThat(feeds.onHand("store-1", "L-2")).isEqualTo(2);
  }

  @Test
  void aFileCutShortWhileReadIsReadAgainAsTheFileItHasBecome() throws Exception {
    DropFolder feeds = DropFolder.create(api, root, "vanishing", "");
    StringBuilder text = new StringBuilder(INVENTORY_HEADER);
    for (int i = 0; i < 300_000; i++) {
      text.append(counts("V-" + i, i));
    }
    Path file = feeds.drop("INV_SNAPSHOT_v.csv", text.toString());
    Awaitility.await("reading")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> feeds.details().path("currentLine").asLong() > 100);
    try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
      channel.truncate(INVENTORY_HEADER.length() + counts("V-0", 0).length() + 10);
    }
    // the read in progress fails, the file is read again as it now is: one row and a cut one
    JsonNode report = feeds.report("INV_SNAPSHOT_v.csv");
    assertThat(report.path("failedLines").get(0).path("line").asLong()).isEqualTo(3);
    assertThat(report.path("failedLines").get(0).path("reasons").toString())
        .contains("a short row");
    assertThat(feeds.details().path("filesDone").asLong()).isEqualTo(1);
    assertThat(feeds.onHand("store-1", "V-0")).isZero();
    feeds.drop("INV_SNAPSHOT_next.csv", INVENTORY_HEADER + counts("V-next", 3));
    feeds.awaitIn("processed", "INV_SNAPSHOT_next.csv");
    assertThat(api.get("/v1/integrations/vanishing").json().path("state").asText())
        .isEqualTo("running");
  }

  @Test
  void anInvalidMappingOrSettingIsA400NamingTheField() throws Exception {
    Path dir = Files.createDirectories(root.resolve("invalid"));
    String body =
        "{\"type\": \"directory\", \"path\": \""
            + dir
            + "\", \"delimiter\": \"colon\","
            + " \"files\": {\"acme\": {\"pattern\": \"A_*.csv\", \"mapping\": {\"fields\": ["
            + "{\"target\": \"type\", \"transforms\": [{\"constant\": \"sale\"}]},"
            + "{\"target\": \"qty\", \"source\": \"a..b\"}]}},"
            + " \"sales\": \"S_*.csv\", \"invntory\": \"I_*.csv\"}, \"pol-interval\": \"1s\"}";
    Api.Reply reply = api.send("PUT", "/v1/integrations/invalid", body);
    assertThat(reply.status()).isEqualTo(400);
    String errors = reply.json().path("errors").toString();
    assertThat(errors)
        .contains("\"field\":\"files.acme.mapping.qty\"")
        .contains("\"field\":\"files.acme.mapping.occurredAt\"")
        .contains("\"field\":\"files.sales\",\"error\":\"a built-in layout needs \\\"zone\\\"")
        .contains("\"field\":\"files.invntory\",\"error\":\"is not a built-in layout")
        .contains("\"field\":\"delimiter\"")
        .contains("\"field\":\"pol-interval\"");
  }

  @Test
  void testAndTriggerAnswer() throws Exception {
    DropFolder feeds = DropFolder.create(api, root, "probe", "\"poll-interval\": \"1h\"");
    JsonNode test = api.post("/v1/integrations/probe/test", "application/json", "").json();
    assertThat(test.toString()).contains("is readable: 0 file(s)");
    feeds.drop("INV_SNAPSHOT_t.csv", INVENTORY_HEADER + counts("T-1", 1));
    Awaitility.await("first poll done")
        .atMost(Duration.ofSeconds(30))
        .until(() -> feeds.details().has("lastPoll"));
    assertThat(api.post("/v1/integrations/probe/trigger", "application/json", "").status())
        .isEqualTo(200);
    feeds.awaitIn("processed", "INV_SNAPSHOT_t.csv");
    Files.delete(feeds.dir.resolve("processed").resolve("INV_SNAPSHOT_t.csv"));
    Files.delete(feeds.dir.resolve("processed"));
    Files.delete(feeds.dir);
    JsonNode broken = api.post("/v1/integrations/probe/test", "application/json", "").json();
    assertThat(broken.toString()).contains("does not exist (path)");
  }

  static JsonNode letters(String channel) {
    JsonNode all = api.get("/v1/dead-letters?limit=1000").json().get("deadLetters");
    var mine = DropFolder.JSON.createArrayNode();
    all.forEach(
        letter -> {
          if (letter.path("channel").asText().equals(channel)) {
            mine.add(letter);
          }
        });
    return mine;
  }
}
