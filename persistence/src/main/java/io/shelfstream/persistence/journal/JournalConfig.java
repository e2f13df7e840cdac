package io.shelfstream.persistence.journal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shelfstream.persistence.db.DatabaseSettings;
import java.util.Map;

/**
 * The part of pekko-persistence-jdbc's configuration that depends on the database in use: its Slick
 * profile, driver and connection. Put it in front of the node's config before the actor system
 * starts, since plugins read their config once.
 */
public final class JournalConfig {
  private JournalConfig() {}

  public static Config forDatabase(DatabaseSettings db) {
    String prefix = "pekko-persistence-jdbc.shared-databases.slick.";
    return ConfigFactory.parseMap(
            Map.of(
                prefix + "profile", db.dialect().slickProfile(),
                prefix + "db.url", db.url(),
                prefix + "db.user", db.user(),
                prefix + "db.password", db.password(),
                prefix + "db.driver", db.dialect().driver(),
                prefix + "db.numThreads", db.poolSize(),
                prefix + "db.maxConnections", db.poolSize(),
                prefix + "db.minConnections", db.poolSize()),
            "shelfstream.db")
        .withFallback(ConfigFactory.parseResources("shelfstream-persistence.conf"));
  }
}
