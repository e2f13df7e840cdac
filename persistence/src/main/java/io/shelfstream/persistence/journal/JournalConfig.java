package io.shelfstream.persistence.journal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shelfstream.persistence.db.DatabaseSettings;
import io.shelfstream.persistence.db.Dialect;
import java.util.HashMap;
import java.util.Map;

/**
 * The part of pekko-persistence-jdbc's configuration that depends on the database in use: its Slick
 * profile, driver and connection. Put it in front of the node's config before the actor system
 * starts, since plugins read their config once.
 */
public final class JournalConfig {
  private JournalConfig() {}

  /** The journal that writes: Shelfstream's group-commit journal, the only one now. */
  public static final String GROUP_COMMIT = "group-commit";

  /**
   * pekko-persistence-jdbc's own journal, which nodes could write with before: it does not write
   * the dedupe index that exact dedupe rests on (persistence.dedupe), so it is refused.
   */
  private static final String STOCK = "jdbc";

  /**
   * The {@code application_name} of pekko-persistence-jdbc's connections on PostgreSQL: snapshots,
   * the read journal (projections, replay) and the stock journal when it writes.
   */
  public static final String READ_SIDE_APPLICATION_NAME = "shelfstream-pekko-jdbc";

  /**
   * The module's settings of the journal, snapshot store and read journal plugins. A node's
   * application.conf includes them (http-api), above the plugins' own reference.conf and below a
   * node's own file and -D options, so that those can change them.
   */
  public static final String MODULE_SETTINGS = "shelfstream-persistence.conf";

  /**
   * The configuration for {@code db}, with the journal named by {@code
   * shelfstream.persistence.journal}, to go before {@code appConfig}. When {@code appConfig} does
   * not include {@link #MODULE_SETTINGS} (a test's), they come with it, as from {@link
   * #forDatabase}.
   */
  public static Config forNode(Config appConfig, DatabaseSettings db) {
    Config database =
        databaseSettings(
            db,
            appConfig.getString("shelfstream.persistence.journal"),
            appConfig.getInt("shelfstream.db.journal-pool-size"));
    return appConfig.hasPath("shelfstream-journal.class") ? database : withModuleSettings(database);
  }

  public static Config forDatabase(DatabaseSettings db) {
    return forDatabase(db, GROUP_COMMIT, db.poolSize());
  }

  /**
   * The configuration for {@code db} and the module's settings, to go before ConfigFactory.load.
   */
  public static Config forDatabase(DatabaseSettings db, String journal, int journalPoolSize) {
    return withModuleSettings(databaseSettings(db, journal, journalPoolSize));
  }

  private static Config databaseSettings(DatabaseSettings db, String journal, int journalPoolSize) {
    String plugin =
        switch (journal) {
          case GROUP_COMMIT -> "shelfstream-journal";
          case STOCK ->
              throw new com.typesafe.config.ConfigException.BadValue(
                  "shelfstream.persistence.journal",
                  "jdbc (pekko-persistence-jdbc's journal) is no longer supported: it does not"
                      + " write the dedupe index. Remove the setting; group-commit writes the same"
                      + " tables");
          default ->
              throw new com.typesafe.config.ConfigException.BadValue(
                  "shelfstream.persistence.journal",
                  "must be " + GROUP_COMMIT + ", got \"" + journal + "\"");
        };
    String slick = "pekko-persistence-jdbc.shared-databases.slick.";
    Map<String, Object> settings = new HashMap<>();
    settings.put("pekko.persistence.journal.plugin", plugin);
    settings.put(slick + "profile", db.dialect().slickProfile());
    settings.put(slick + "db.url", db.url());
    settings.put(slick + "db.user", db.user());
    settings.put(slick + "db.password", db.password());
    settings.put(slick + "db.driver", db.dialect().driver());
    settings.put(slick + "db.numThreads", db.poolSize());
    settings.put(slick + "db.maxConnections", db.poolSize());
    settings.put(slick + "db.minConnections", db.poolSize());
    if (db.dialect() == Dialect.POSTGRES) {
      // The read journal's tag query (TagIndexReadJournalDao) must read a range of one tag's
      // rows and fetch their events by ordering, stopping at its limit. On small or young tables
      // PostgreSQL prefers a merge join or a hash join that walks or scans event_journal from its
      // first event instead: slower on every poll the longer the journal, and 4 projection slices
      // poll all the time. This pool's other queries (snapshots, events by persistence id) have
      // no joins. Its application_name tells its connections apart in pg_stat_activity.
      settings.put(
          slick + "db.connectionInitSql",
          "SELECT set_config('enable_mergejoin', 'off', false),"
              + " set_config('enable_hashjoin', 'off', false),"
              + " set_config('application_name', '"
              + READ_SIDE_APPLICATION_NAME
              + "', false)");
    }
    settings.put("shelfstream-journal.db.url", db.url());
    settings.put("shelfstream-journal.db.user", db.user());
    settings.put("shelfstream-journal.db.password", db.password());
    settings.put("shelfstream-journal.db.pool-size", journalPoolSize);
    settings.put("pekko.projection.jdbc.dialect", db.dialect().projectionDialect());
    return ConfigFactory.parseMap(settings, "shelfstream.db");
  }

  /** System properties before the module's settings, as ConfigFactory.load puts them. */
  private static Config withModuleSettings(Config database) {
    return database
        .withFallback(ConfigFactory.defaultOverrides())
        .withFallback(ConfigFactory.parseResources(MODULE_SETTINGS));
  }
}
