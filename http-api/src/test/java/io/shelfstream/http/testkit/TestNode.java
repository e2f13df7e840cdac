package io.shelfstream.http.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.persistence.db.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real node on loopback, with random ports, on the given database. */
public final class TestNode {
  /**
   * The admin token of every test node (shelfstream.security.admin-token), which {@link Api} sends
   * by default; tests of roles create their own tokens with it.
   */
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123456789";

  private TestNode() {}

  public static Config config(DatabaseSettings db, Path dataDir, Map<String, Object> extra) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("shelfstream.http.host", "127.0.0.1");
    settings.put("shelfstream.http.port", 0);
    settings.put("shelfstream.data-dir", dataDir.toString());
    settings.put("shelfstream.db.url", db.url());
    settings.put("shelfstream.db.user", db.user());
    settings.put("shelfstream.db.password", db.password());
    settings.put("shelfstream.db.pool-size", 8);
    settings.put("shelfstream.security.admin-token", "file:" + adminTokenFile(dataDir));
    settings.put("pekko.remote.artery.canonical.port", 0);
    settings.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
    settings.put("pekko.coordinated-shutdown.exit-jvm", "off");
    settings.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    settings.putAll(extra);
    ConfigFactory.invalidateCaches();
    return ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load());
  }

  /** The admin token in a file of the node's data directory, as an operator would give it. */
  private static Path adminTokenFile(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      return Files.writeString(dataDir.resolve("test-admin-token"), ADMIN_TOKEN + "\n")
          .toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ShelfstreamNode start(DatabaseSettings db, Path dataDir) {
    return ShelfstreamNode.start(config(db, dataDir, Map.of()));
  }

  public static String baseUrl(ShelfstreamNode node) {
    return "http://127.0.0.1:" + node.httpAddress().getPort();
  }
}
