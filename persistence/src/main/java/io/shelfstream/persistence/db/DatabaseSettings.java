package io.shelfstream.persistence.db;

import com.typesafe.config.Config;
import java.nio.file.Path;

/**
 * {@code shelfstream.db}: the database holding the journal, snapshots and dead letters. With no
 * URL, an embedded H2 database under the data directory.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {

  public Dialect dialect() {
    return Dialect.of(url);
  }

  public static DatabaseSettings fromConfig(Config root) {
    Config db = root.getConfig("shelfstream.db");
    String url = db.getString("url");
    if (url.isBlank()) {
      Path dataDir = Path.of(root.getString("shelfstream.data-dir")).toAbsolutePath().normalize();
      return embeddedH2(dataDir, db.getInt("pool-size"));
    }
    Dialect.of(url); // fail at start on a URL we cannot use
    return new DatabaseSettings(
        url, db.getString("user"), db.getString("password"), db.getInt("pool-size"));
  }

  /**
   * A file database under {@code dataDir}. {@code WRITE_DELAY=0} makes each commit reach the file
   * before it returns, so a killed process loses nothing acknowledged.
   */
  public static DatabaseSettings embeddedH2(Path dataDir, int poolSize) {
    String file = dataDir.resolve("shelfstream").toString();
    return new DatabaseSettings("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "", poolSize);
  }

  /** The URL without credentials, for logs. */
  public String describe() {
    int params = url.indexOf('?');
    return params < 0 ? url : url.substring(0, params);
  }
}
