package io.shelfstream.bench.node;

import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.devkit.net.LoopbackPorts;
import io.shelfstream.devkit.process.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Shelfstream node started as {@code ./shelfstream run} starts it: {@code
 * io.shelfstream.http.node.Main} from http-api's target/, the options of cluster-config/jvm.options
 * and the SHELFSTREAM_* environment, on loopback ports and a data directory of its own.
 */
public final class Node implements AutoCloseable {
  /** Extra JVM options for every node, to try a setting: space-separated. */
  public static final String OPTIONS_VARIABLE = "SHELFSTREAM_BENCH_NODE_OPTS";

  /** The admin token of every bench node, random per bench run; every bench client sends it. */
  public static final String ADMIN_TOKEN =
      "bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(24));

  /** The header every bench request carries. */
  public static final String AUTHORIZATION = "Bearer " + ADMIN_TOKEN;

  private static final long START_TIMEOUT_NANOS = 120_000_000_000L;

  private final ChildJvm jvm;
  private final URI uri;
  private final Path dataDir;

  private Node(ChildJvm jvm, URI uri, Path dataDir) {
    this.jvm = jvm;
    this.uri = uri;
    this.dataDir = dataDir;
  }

  /** On PostgreSQL in {@code schema}, or on embedded H2 in its data directory when null. */
  public static Node start(
      ScenarioContext context, String name, Postgres.Schema schema, List<String> jvmOptions)
      throws IOException, InterruptedException {
    int port = LoopbackPorts.free();
    Path dataDir = Files.createTempDirectory("shelfstream-bench-" + name + "-");
    Map<String, String> env = new HashMap<>();
    if (schema != null) {
      env.put("SHELFSTREAM_DB_URL", schema.url());
      env.put("SHELFSTREAM_DB_USER", context.postgres().user());
    }
    env.put("SHELFSTREAM_HTTP_HOST", LoopbackPorts.HOST);
    env.put("SHELFSTREAM_HTTP_PORT", Integer.toString(port));
    env.put("SHELFSTREAM_CLUSTER_HOST", LoopbackPorts.HOST);
    env.put("SHELFSTREAM_CLUSTER_PORT", Integer.toString(LoopbackPorts.free()));
    env.put("SHELFSTREAM_DATA_DIR", dataDir.toString());
    env.put("SHELFSTREAM_BENCH_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("SHELFSTREAM_ADMIN_TOKEN", "${env:SHELFSTREAM_BENCH_ADMIN_TOKEN}");
    List<String> options = new ArrayList<>(List.of("-Xmx2g"));
    Files.readAllLines(context.root().resolve("cluster-config/jvm.options")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .forEach(options::add);
    options.addAll(jvmOptions);
    String extra = System.getenv(OPTIONS_VARIABLE);
    if (extra != null && !extra.isBlank()) {
      options.addAll(List.of(extra.trim().split("\\s+")));
    }
    ChildJvm jvm =
        ChildJvm.named("node " + name)
            .jvmOptions(options)
            .classpath(context.classpath("http-api"))
            .env(env)
            .start("io.shelfstream.http.node.Main", context.log(name));
    Node node = new Node(jvm, URI.create("http://" + LoopbackPorts.HOST + ":" + port), dataDir);
    try {
      node.awaitHealthy();
    } catch (IOException | InterruptedException | RuntimeException e) {
      node.close();
      throw e;
    }
    ScenarioContext.say("node %s up on %s (pid %d)", name, node.uri, node.pid());
    return node;
  }

  public URI uri() {
    return uri;
  }

  public long pid() {
    return jvm.pid();
  }

  private void awaitHealthy() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(uri.resolve("/health")).build();
    for (long started = System.nanoTime(); System.nanoTime() - started < START_TIMEOUT_NANOS; ) {
      jvm.checkAlive();
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IOException(
        "the node was not healthy within 120 s; its log ends:\n" + jvm.logTail(20));
  }

  @Override
  public void close() {
    jvm.close();
    delete(dataDir);
  }

  /** Deletes a directory with everything in it; says so when it cannot. */
  public static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      ScenarioContext.say("could not delete %s: %s", directory, e.getMessage());
    }
  }
}
