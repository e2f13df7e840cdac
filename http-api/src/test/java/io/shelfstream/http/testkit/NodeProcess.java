package io.shelfstream.http.testkit;

import io.shelfstream.persistence.db.DatabaseSettings;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/** A node in its own JVM, started the way ./shelfstream run starts it, that a test can kill -9. */
public final class NodeProcess implements AutoCloseable {
  private final Process process;
  private final int httpPort;

  private NodeProcess(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  public static NodeProcess start(DatabaseSettings db, Path dataDir) throws IOException {
    int httpPort = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.shelfstream.http.node.Main")
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(new File(dataDir.toFile(), "node.log")));
    Map<String, String> env = builder.environment();
    env.put("SHELFSTREAM_HTTP_HOST", "127.0.0.1");
    env.put("SHELFSTREAM_HTTP_PORT", Integer.toString(httpPort));
    env.put("SHELFSTREAM_CLUSTER_PORT", Integer.toString(freePort()));
    env.put("SHELFSTREAM_DATA_DIR", dataDir.toString());
    env.put("SHELFSTREAM_DB_URL", db.url());
    env.put("SHELFSTREAM_DB_USER", db.user());
    env.put("SHELFSTREAM_DB_PASSWORD", db.password());
    NodeProcess node = new NodeProcess(builder.start(), httpPort);
    node.awaitHealthy(dataDir);
    return node;
  }

  private void awaitHealthy(Path dataDir) {
    HttpClient client = HttpClient.newHttpClient();
    Awaitility.await("node healthy (log: " + dataDir.resolve("node.log") + ")")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "node exited with "
                        + process.exitValue()
                        + "; see "
                        + dataDir.resolve("node.log"));
              }
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
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill9();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
