package io.shelfstream.http.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.shelfstream.persistence.db.DatabaseSettings;
import org.junit.jupiter.api.Test;

/**
 * A node's own configuration file (-Dconfig.file, starting with {@code include "application"}, as
 * docs/running.md says) can change the journal's and read journal's settings, as any other setting.
 */
class NodeConfigTest {
  private static final DatabaseSettings DB =
      new DatabaseSettings("jdbc:h2:mem:node-config-test", "", "", 4);

  @Test
  void withoutAFileOfItsOwnANodeHasTheModulesSettings() {
    Config config = nodeConfig(ConfigFactory.load());

    assertThat(config.getInt("shelfstream-journal.writers")).isEqualTo(2);
    assertThat(config.getString("jdbc-read-journal.refresh-interval")).isEqualTo("500ms");
    assertThat(config.getString("pekko.persistence.journal.plugin"))
        .isEqualTo("shelfstream-journal");
  }

  @Test
  void aNodesOwnFileChangesTheJournalsSettings() {
    Config file =
        ConfigFactory.parseString(
            """
            include "application"
            shelfstream-journal.writers = 1
            jdbc-read-journal.refresh-interval = 2s
            """);

    Config config = nodeConfig(ConfigFactory.load(file));

    assertThat(config.getInt("shelfstream-journal.writers")).isEqualTo(1);
    assertThat(config.getString("jdbc-read-journal.refresh-interval")).isEqualTo("2s");
    assertThat(config.getString("shelfstream-journal.db.url")).isEqualTo(DB.url());
  }

  private static Config nodeConfig(Config appConfig) {
    return ShelfstreamNode.systemConfig(appConfig, NodeSettings.fromConfig(appConfig), DB)
        .resolve();
  }
}
