package io.shelfstream.http.integrations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Integrations declared in HOCON follow a body's rules: an invalid one stops the node's start. */
class DeclaredIntegrationsTest {

  @Test
  void anInvalidDeclaredIntegrationFailsTheStartNamingEveryField() throws Exception {
    try (TestDatabase db = TestDatabase.h2()) {
      var config =
          TestNode.config(
              db.settings(),
              Files.createTempDirectory("shelfstream-declared-"),
              Map.of(
                  "shelfstream.integrations.pos.type", "kafka",
                  "shelfstream.integrations.pos.bootstrap-servers", "not a host",
                  "shelfstream.integrations.pos.topics.transactons", "pos",
                  "shelfstream.integrations.pos.group-id", 7,
                  "shelfstream.integrations.pos.max-pol-records", 10));
      assertThatThrownBy(() -> ShelfstreamNode.start(config).close())
          .hasMessageContaining("integration pos: ")
          .hasMessageContaining("bootstrap-servers: must be a comma-separated list of host:port")
          .hasMessageContaining("topics.transactons: is not a kind of topic")
          .hasMessageContaining("group-id: must be a string, got number 7")
          .hasMessageContaining(
              "max-pol-records: is not a setting: did you mean \"max-poll-records\"?");
    }
  }
}
