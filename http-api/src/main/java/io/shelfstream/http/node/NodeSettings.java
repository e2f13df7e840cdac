package io.shelfstream.http.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;

/** {@code shelfstream.http} and {@code shelfstream.cluster}: how a node meets the world. */
record NodeSettings(
    String httpHost, int httpPort, List<String> seedNodes, boolean requireSharedDatabase) {
  static final String SYSTEM_NAME = "shelfstream";

  static NodeSettings fromConfig(Config config) {
    List<String> seeds = new ArrayList<>();
    for (String seed : config.getString("shelfstream.cluster.seed-nodes").split(",")) {
      String trimmed = seed.strip();
      if (!trimmed.isEmpty()) {
        if (!trimmed.matches("[^:/@]+:\\d{1,5}")) {
          throw new IllegalArgumentException(
              "shelfstream.cluster.seed-nodes: expected host:port entries, got \""
                  + trimmed
                  + "\"");
        }
        seeds.add("pekko://" + SYSTEM_NAME + "@" + trimmed);
      }
    }
    return new NodeSettings(
        config.getString("shelfstream.http.host"),
        config.getInt("shelfstream.http.port"),
        List.copyOf(seeds),
        config.getBoolean("shelfstream.cluster.require-shared-database"));
  }

  /** Seed nodes given as host:port, as Pekko wants them; none means the node joins itself. */
  Config clusterOverrides() {
    return seedNodes.isEmpty()
        ? ConfigFactory.empty()
        : ConfigFactory.empty()
            .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seedNodes));
  }

  boolean joinsItself() {
    return seedNodes.isEmpty();
  }
}
