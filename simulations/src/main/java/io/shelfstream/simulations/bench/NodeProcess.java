package io.shelfstream.simulations.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Shelfstream node started as users start it ({@code io.shelfstream.http.node.Main} with the
 * SHELFSTREAM_* environment), on loopback ports and a data directory of its own. The harness talks
 * to it over HTTP only.
 */
final class NodeProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final JavaProcess process;
  private final URI uri;
  private final Path dataDir;
  private final NodeDatabase database;
  private final Cleanup cleanup;
  private final NodeWarmUp.Lines warmUpLines = new NodeWarmUp.Lines();

  private NodeProcess(
      JavaProcess process, URI uri, Path dataDir, NodeDatabase database, Cleanup cleanup) {
    this.process = process;
    this.cleanup = cleanup;
    this.uri = uri;
    this.dataDir = dataDir;
    this.database = database;
  }

  /** Starts a node and returns once {@code GET /health} answers 200. */
  static NodeProcess start(
      BenchContext context, String name, NodeDatabase database, List<String> extraJvmOptions)
      throws IOException, InterruptedException {
    int httpPort = LoopbackPorts.free();
    Path dataDir = Files.createTempDirectory("shelfstream-bench-" + name + "-");
    Map<String, String> environment = new HashMap<>(database.environment());
    environment.put("SHELFSTREAM_HTTP_HOST", "127.0.0.1");
    environment.put("SHELFSTREAM_HTTP_PORT", Integer.toString(httpPort));
    environment.put("SHELFSTREAM_CLUSTER_HOST", "127.0.0.1");
    environment.put("SHELFSTREAM_CLUSTER_PORT", Integer.toString(LoopbackPorts.free()));
    environment.put("SHELFSTREAM_DATA_DIR", dataDir.toString());
    List<String> jvmOptions = new ArrayList<>(List.of(Sizes.NODE_HEAP));
    // as ./shelfstream run starts a node
    jvmOptions.addAll(nodeDefaults(context.root()));
    jvmOptions.addAll(extraJvmOptions);
    jvmOptions.addAll(Sizes.nodeJvmOptionsFromEnvironment());
    JavaProcess process;
    try {
      process =
          JavaProcess.start(
              "node " + name,
              jvmOptions,
              context.classpath("http-api"),
              "io.shelfstream.http.node.Main",
              List.of(),
              environment,
              context.runDir().resolve("logs").resolve(name + ".log"),
              context.cleanup());
    } catch (IOException | RuntimeException e) {
      TempFiles.deleteQuietly(dataDir);
      throw e;
    }
    // tracked itself, so that an exit in the middle of a run also removes its data directory
    NodeProcess node =
        context
            .cleanup()
            .track(
                new NodeProcess(
                    process,
                    URI.create("http://127.0.0.1:" + httpPort),
                    dataDir,
                    database,
                    context.cleanup()));
    try {
      node.awaitHealthy();
    } catch (IOException | InterruptedException | RuntimeException e) {
      node.close();
      throw e;
    }
    Console.info("node %s up on %s (%s, pid %d)", name, node.uri, database.describe(), node.pid());
    return node;
  }

  /** This node's warm-up lines: each warm-up goes on from the last. */
  NodeWarmUp.Lines warmUpLines() {
    return warmUpLines;
  }

  URI uri() {
    return uri;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.alive();
  }

  NodeDatabase database() {
    return database;
  }

  String logTail() {
    return process.logTail(20);
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    HttpRequest health =
        HttpRequest.newBuilder(uri.resolve("/health")).timeout(Duration.ofSeconds(5)).build();
    while (System.nanoTime() < deadline) {
      if (!process.alive()) {
        throw new IOException("the node exited during start:\n" + process.logTail(20));
      }
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IOException(
        "the node was not healthy within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
  }

  @Override
  public void close() {
    try {
      process.close();
    } finally {
      TempFiles.deleteQuietly(dataDir);
      cleanup.forget(this);
    }
  }

  @Override
  public String toString() {
    return process.toString();
  }

  /** The options of cluster-config/jvm.options, which every node starts with. */
  static List<String> nodeDefaults(Path root) throws IOException {
    List<String> options = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve("cluster-config").resolve("jvm.options"))) {
      String option = line.strip();
      if (!option.isEmpty() && !option.startsWith("#")) {
        options.add(option);
      }
    }
    return options;
  }
}
