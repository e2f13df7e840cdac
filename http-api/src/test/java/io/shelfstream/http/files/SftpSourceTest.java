package io.shelfstream.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.sources.files.sftp.SftpTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An {@code sftp} integration created over real HTTP on a real node, reading from a real SFTP
 * server in the test's JVM: golden records from its files, archived once read, an identical
 * re-upload skipped, a grown one read again without double counting, a server restart survived, a
 * server whose key is not trusted refused; and a file stopped half way resumed through a node
 * restart.
 */
class SftpSourceTest {
  private static final String INVENTORY =
      "date,product_id,location,stock_level,reserved_stock,in_transit,supplier_id,last_reorder_date\n"
          + "2026-03-01T08:00:00,SKU-1,store-1,100,0,0,SUP-1,2026-02-20\n";
  private static final String SALES =
      "date,product_id,channel,quantity_sold,revenue,customer_segment,promotion_code,fulfillment_method\n"
          + "2026-03-01T12:00:00,SKU-1,online,3,29.97,loyal,,ship\n"
          + "2026-03-01T12:05:00,SKU-1,pos,2,19.98,,SPRING,\n";

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void readsArchivesSkipsReuploadsAndSurvivesAServerRestart(String kind) throws Exception {
    Path root = Files.createTempDirectory("shelfstream-sftp-");
    Path serverRoot = Files.createDirectories(root.resolve("server/in")).getParent();
    try (SftpTestServer server = new SftpTestServer(serverRoot);
        TestDatabase db = TestDatabase.create(kind);
        ShelfstreamNode node =
            ShelfstreamNode.start(
                TestNode.config(db.settings(), root.resolve("node"), DirectorySourceTest.FAST))) {
      Api api = new Api(TestNode.baseUrl(node));
      Path knownHosts = Files.writeString(root.resolve("known_hosts"), server.knownHostsLine());
      Path password = Files.writeString(root.resolve("sftp.pass"), SftpTestServer.PASSWORD);
      ObjectNode body = sftpIntegration(server, knownHosts, password);
      Api.Reply created = api.send("PUT", "/v1/integrations/retailer", body.toString());
      assertThat(created.status()).as(created.body()).isBetween(200, 201);

      Api.Reply test = api.post("/v1/integrations/retailer/test", "application/json", "");
      assertThat(test.body()).contains("sftp://feeds@127.0.0.1:" + server.port() + "/in");

      Path in = serverRoot.resolve("in");
      server.put("in/INV_SNAPSHOT_20260301.csv", INVENTORY);
      awaitArchived(api, in, "INV_SNAPSHOT_20260301.csv");
      assertThat(onHand(api)).isEqualTo(100);

      server.put("in/DAILY_SALES_20260301.csv", SALES);
      awaitArchived(api, in, "DAILY_SALES_20260301.csv");
      assertThat(onHand(api)).isEqualTo(100 - 3 - 2);

      // the same file sent again an hour later: skipped, and said so
      server.put("in/DAILY_SALES_20260301.csv", SALES, Instant.now().plus(Duration.ofHours(1)));
      awaitDetails(api, details -> details.path("filesSkipped").asLong() == 1);
      assertThat(details(api).path("lastSkipped").asText()).startsWith("DAILY_SALES_20260301.csv");
      assertThat(onHand(api)).isEqualTo(95);

      // the same name grown by a row: read again, its old rows answered as duplicates
      server.put(
          "in/DAILY_SALES_20260301.csv",
          SALES + "2026-03-01T12:10:00,SKU-1,online,4,39.96,,,\n",
          Instant.now().plus(Duration.ofHours(2)));
      awaitDetails(api, details -> details.path("filesDone").asLong() == 3);
      JsonNode grown = details(api).path("lastFile");
      assertThat(grown.path("accepted").asLong()).isEqualTo(1);
      assertThat(grown.path("duplicates").asLong()).isEqualTo(2);
      assertThat(onHand(api)).isEqualTo(95 - 4);

      // the server restarts: the integration logs in again and goes on
      server.restart(false);
      server.put(
          "in/DAILY_SALES_20260302.csv",
          SALES.replace("2026-03-01T12", "2026-03-02T12").replace(",3,29.97", ",1,9.99"));
      awaitArchived(api, in, "DAILY_SALES_20260302.csv");
      assertThat(onHand(api)).isEqualTo(91 - 1 - 2);
      assertThat(details(api).path("filesDone").asLong()).isEqualTo(4);

      // the same server under a key known_hosts does not list: refused, naming its fingerprint
      Path stranger = Files.writeString(root.resolve("known_hosts_empty"), "");
      ObjectNode refused = sftpIntegration(server, stranger, password);
      api.send("PUT", "/v1/integrations/stranger", refused.toString());
      Api.Reply check = api.post("/v1/integrations/stranger/test", "application/json", "");
      assertThat(check.body())
          .contains("host key refused")
          .contains(KeyUtils.getFingerPrint(server.hostKey()))
          .doesNotContain(SftpTestServer.PASSWORD);
      Awaitility.await("the stranger's error in its status")
          .atMost(Duration.ofSeconds(30))
          .until(() -> api.get("/v1/integrations/stranger").body().contains("host key refused"));
      assertThat(api.get("/v1/integrations/stranger").body())
          .doesNotContain(SftpTestServer.PASSWORD);
    }
  }

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void aFileStoppedHalfWayResumesAfterItsLastDurableLineThroughANodeRestart(String kind)
      throws Exception {
    Path root = Files.createTempDirectory("shelfstream-sftp-");
    Path serverRoot = Files.createDirectories(root.resolve("server/in")).getParent();
    int rows = 20_000;
    StringBuilder sales = new StringBuilder(SALES.substring(0, SALES.indexOf('\n') + 1));
    for (int i = 0; i < rows; i++) {
      sales
          .append("2026-03-02T")
          .append(String.format("%02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60))
          .append(",SKU-1,online,1,1.50,c")
          .append(i)
          .append(",,\n");
    }
    try (SftpTestServer server = new SftpTestServer(serverRoot);
        TestDatabase db = TestDatabase.create(kind)) {
      Path knownHosts = Files.writeString(root.resolve("known_hosts"), server.knownHostsLine());
      Path password = Files.writeString(root.resolve("sftp.pass"), SftpTestServer.PASSWORD);
      var config = TestNode.config(db.settings(), root.resolve("node"), DirectorySourceTest.FAST);
      Path in = serverRoot.resolve("in");
      try (ShelfstreamNode node = ShelfstreamNode.start(config)) {
        Api api = new Api(TestNode.baseUrl(node));
        ObjectNode body = sftpIntegration(server, knownHosts, password);
        assertThat(api.send("PUT", "/v1/integrations/retailer", body.toString()).status())
            .isBetween(200, 201);
        server.put("in/INV_SNAPSHOT_1.csv", INVENTORY.replace(",100,", ",1000000,"));
        awaitArchived(api, in, "INV_SNAPSHOT_1.csv");
        server.put("in/DAILY_SALES_big.csv", sales.toString());
        awaitDetails(api, details -> details.path("currentLine").asLong() > 2_000);
        // pause: the stream stops reading, its in-flight records become durable and recorded
        api.post("/v1/integrations/retailer/pause", "application/json", "");
      }
      assertThat(in.resolve("DAILY_SALES_big.csv")).exists();

      try (ShelfstreamNode node = ShelfstreamNode.start(config)) {
        Api api = new Api(TestNode.baseUrl(node));
        assertThat(api.post("/v1/integrations/retailer/resume", "application/json", "").status())
            .isEqualTo(200);
        awaitArchived(api, in, "DAILY_SALES_big.csv");
        assertThat(onHand(api)).isEqualTo(1_000_000 - rows);
        JsonNode last = details(api).path("lastFile");
        assertThat(last.path("accepted").asLong() + last.path("duplicates").asLong())
            .isEqualTo(rows);
        // resumed after the last durable line, not from the start
        assertThat(last.path("duplicates").asLong()).isLessThan(1_000);
      }
    }
  }

  private static ObjectNode sftpIntegration(SftpTestServer server, Path knownHosts, Path password)
      throws Exception {
    ObjectNode body = DropFolder.JSON.createObjectNode();
    body.put("type", "sftp");
    body.put("host", "127.0.0.1");
    body.put("port", server.port());
    body.put("user", SftpTestServer.USER);
    body.put("password-file", password.toString());
    body.put("known-hosts", knownHosts.toString());
    body.put("remote-dir", "/in");
    body.put("processed-dir", "archive");
    body.set(
        "files",
        DropFolder.JSON.readTree(
            "{\"inventory\": \"INV_SNAPSHOT_*.csv\", \"sales\": \"DAILY_SALES_*.csv\"}"));
    body.put("zone", "UTC");
    body.put("location", "store-1");
    body.put("poll-interval", "100ms");
    body.put("stable-for", "0s");
    return body;
  }

  private static void awaitArchived(Api api, Path in, String name) {
    Path archived = in.resolve("archive").resolve(name);
    try {
      Awaitility.await(name + " archived")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Files.exists(archived) && !Files.exists(in.resolve(name)));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          name + " not archived; status: " + api.get("/v1/integrations/retailer").body(), e);
    }
  }

  private static void awaitDetails(Api api, Predicate<JsonNode> condition) {
    try {
      Awaitility.await("details")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> condition.test(details(api)));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("status: " + api.get("/v1/integrations/retailer").body(), e);
    }
  }

  private static JsonNode details(Api api) {
    return api.get("/v1/integrations/retailer").json().path("details");
  }

  private static long onHand(Api api) {
    return api.inventory("store-1", "SKU-1").json().path("onHand").asLong(Long.MIN_VALUE);
  }
}
