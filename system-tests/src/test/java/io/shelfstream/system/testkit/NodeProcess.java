package io.shelfstream.system.testkit;

import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.devkit.process.ChildJvm;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.db.DatabaseSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** A node in its own JVM, started the way ./shelfstream run starts it, that a test can kill -9. */
public final class NodeProcess implements AutoCloseable {
  private final ChildJvm process;
  private final int httpPort;

  private NodeProcess(ChildJvm process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  public static NodeProcess start(DatabaseSettings db, Path dataDir) throws IOException {
    return start(db, dataDir, Map.of());
  }

  /** {@code env}: more environment variables of the node (secrets that settings refer to). */
  public static NodeProcess start(DatabaseSettings db, Path dataDir, Map<String, String> env)
      throws IOException {
    return start(db, dataDir, env, Map.of());
  }

  /** {@code settings}: more settings of the node, as {@code -Dkey=value} system properties. */
  public static NodeProcess start(
      DatabaseSettings db, Path dataDir, Map<String, String> env, Map<String, String> settings)
      throws IOException {
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
    settings.forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
    int httpPort = LoopbackPorts.free();
    ChildJvm jvm =
        ChildJvm.named("node")
            .env(env)
            .jvmOptions(jvmOptions)
            .env("SHELFSTREAM_HTTP_HOST", LoopbackPorts.HOST)
            .env("SHELFSTREAM_HTTP_PORT", Integer.toString(httpPort))
            .env("SHELFSTREAM_CLUSTER_PORT", Integer.toString(LoopbackPorts.free()))
            .env("SHELFSTREAM_DATA_DIR", dataDir.toString())
            .env("SHELFSTREAM_DB_URL", db.url())
            .env("SHELFSTREAM_DB_USER", db.user())
            .env("SHELFSTREAM_DB_PASSWORD", db.password())
            // the test client's admin token, given as a reference as an operator would
            .env("SHELFSTREAM_TEST_ADMIN_TOKEN", TestNode.ADMIN_TOKEN)
            .env("SHELFSTREAM_ADMIN_TOKEN", "${env:SHELFSTREAM_TEST_ADMIN_TOKEN}")
            .appendLog()
            .start("io.shelfstream.http.node.Main", dataDir.resolve("node.log"));
    NodeProcess node = new NodeProcess(jvm, httpPort);
    node.awaitHealthy();
    return node;
  }

  private void awaitHealthy() {
    HttpClient client = HttpClient.newHttpClient();
    Awaitility.await("node healthy (log: " + process.log() + ")")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              process.checkAlive();
              try {
                return client
                        .send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public int httpPort() {
    return httpPort;
  }

  /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer would do it. */
  public void kill9() throws InterruptedException {
    process.kill9();
  }

  @Override
  public void close() {
    process.close();
  }
}
