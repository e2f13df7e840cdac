package io.shelfstream.bench.catalog;

import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.devkit.process.ChildJvm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Shelfstream node started as users start it ({@code io.shelfstream.http.node.Main} with the
 * SHELFSTREAM_* environment and cluster-config/jvm.options), on loopback, with a 2 GB heap.
 */
final class NodeChild implements AutoCloseable {
  static final String HEAP = "-Xmx2g";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final ChildJvm process;
  private final NodeApi api;

  private NodeChild(ChildJvm process, NodeApi api) {
    this.process = process;
    this.api = api;
  }

  /**
   * Starts a node on {@code dataDir} and {@code dbUrl} and returns once {@code GET /health} answers
   * 200; starting it again on the same ones is a restart.
   */
  static NodeChild start(
      BuiltTree tree, Path runDir, String name, Path dataDir, String dbUrl, String dbUser)
      throws Exception {
    int httpPort = LoopbackPorts.free();
    List<String> jvmOptions = new ArrayList<>(List.of(HEAP));
    jvmOptions.addAll(tree.nodeJvmOptions());
    ChildJvm process =
        ChildJvm.named(name)
            .jvmOptions(jvmOptions)
            .classpath(tree.classpath("http-api"))
            .env("SHELFSTREAM_HTTP_HOST", LoopbackPorts.HOST)
            .env("SHELFSTREAM_HTTP_PORT", Integer.toString(httpPort))
            .env("SHELFSTREAM_CLUSTER_HOST", LoopbackPorts.HOST)
            .env("SHELFSTREAM_CLUSTER_PORT", Integer.toString(LoopbackPorts.free()))
            .env("SHELFSTREAM_DATA_DIR", dataDir.toString())
            .env("SHELFSTREAM_DB_URL", dbUrl)
            .env("SHELFSTREAM_DB_USER", dbUser)
            .appendLog()
            .start("io.shelfstream.http.node.Main", runDir.resolve(name + ".log"));
    NodeChild node =
        new NodeChild(process, new NodeApi(URI.create("http://127.0.0.1:" + httpPort)));
    try {
      Deadline healthy = Deadline.in(START_TIMEOUT, "node " + name + " to answer GET /health");
      while (!node.api.healthy()) {
        process.checkAlive();
        healthy.pause(200, "its log ends: " + process.logTail(5));
      }
    } catch (Exception e) {
      node.close();
      throw e;
    }
    Console.line("node %s up on port %d (pid %d)", name, httpPort, process.pid());
    return node;
  }

  NodeApi api() {
    return api;
  }

  long pid() {
    return process.pid();
  }

  void checkAlive() {
    process.checkAlive();
  }

  @Override
  public void close() {
    process.close();
  }
}
