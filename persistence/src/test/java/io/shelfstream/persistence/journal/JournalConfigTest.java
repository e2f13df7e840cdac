package io.shelfstream.persistence.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shelfstream.persistence.db.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The journal's settings can be tuned on a node's command line, as any other setting can. */
class JournalConfigTest {
  private static final String WRITERS = "shelfstream-journal.writers";

  @AfterEach
  void clearProperty() {
    System.clearProperty(WRITERS);
    ConfigFactory.invalidateCaches();
  }

  @Test
  void theModulesOwnSettingsApplyWhenNothingOverridesThem() {
    assertThat(journalConfig().getInt(WRITERS)).isEqualTo(2);
  }

  @Test
  void aSystemPropertyOverridesTheModulesOwnSetting() {
    System.setProperty(WRITERS, "1");
    ConfigFactory.invalidateCaches();

    assertThat(journalConfig().getInt(WRITERS)).isEqualTo(1);
  }

  @Test
  void theDatabaseItWasGivenWinsOverASystemProperty() {
    System.setProperty("shelfstream-journal.db.url", "jdbc:h2:mem:elsewhere");
    try {
      ConfigFactory.invalidateCaches();
      assertThat(journalConfig().getString("shelfstream-journal.db.url"))
          .isEqualTo("jdbc:h2:mem:journal-config-test");
    } finally {
      System.clearProperty("shelfstream-journal.db.url");
    }
  }

  @Test
  void aConfigurationThatIncludesTheModulesSettingsKeepsItsOwnValues() {
    Config appConfig =
        ConfigFactory.parseString("shelfstream-journal.writers = 1")
            .withFallback(ConfigFactory.parseResources(JournalConfig.MODULE_SETTINGS))
            .withFallback(ConfigFactory.load());
    var db = new DatabaseSettings("jdbc:h2:mem:journal-config-test", "", "", 2);

    Config config = JournalConfig.forNode(appConfig, db).withFallback(appConfig).resolve();

    assertThat(config.getInt(WRITERS)).isEqualTo(1);
    assertThat(config.getString("shelfstream-journal.db.url"))
        .isEqualTo("jdbc:h2:mem:journal-config-test");
  }

  @Test
  void aConfigurationWithoutTheModulesSettingsGetsThem() {
    Config appConfig = ConfigFactory.load();
    var db = new DatabaseSettings("jdbc:h2:mem:journal-config-test", "", "", 2);

    Config config = JournalConfig.forNode(appConfig, db).withFallback(appConfig).resolve();

    assertThat(config.getInt(WRITERS)).isEqualTo(2);
    assertThat(config.getString("jdbc-read-journal.dao")).endsWith("TagIndexReadJournalDao");
  }

  private static Config journalConfig() {
    var db = new DatabaseSettings("jdbc:h2:mem:journal-config-test", "", "", 2);
    return JournalConfig.forDatabase(db).withFallback(ConfigFactory.load()).resolve();
  }
}
