package io.shelfstream.http.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestLimitsTest {

  @Test
  void aNodesDefaultsLeaveConnectionsForEverythingElse() {
    IngestLimits limits = IngestLimits.fromConfig(ConfigFactory.load());

    assertThat(limits).isEqualTo(new IngestLimits(64, 1024, Duration.ofSeconds(60)));
    assertThat(ConfigFactory.load().getInt("pekko.http.server.max-connections"))
        .isGreaterThan(limits.maxStreams());
  }

  @Test
  void ingestionMayNotTakeEveryConnection() {
    var config =
        ConfigFactory.parseString(
                "shelfstream.ingest.max-streams = 2048\npekko.http.server.max-connections = 2048")
            .withFallback(ConfigFactory.load());

    assertThatThrownBy(() -> IngestLimits.fromConfig(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shelfstream.ingest.max-streams (2048)")
        .hasMessageContaining("must be below pekko.http.server.max-connections (2048)");
  }

  @Test
  void aClientsShareFitsInTheNodes() {
    assertThatThrownBy(() -> new IngestLimits(10, 5, Duration.ofSeconds(1)))
        .hasMessageContaining("max-streams (5) must be at least max-streams-per-client (10)");
  }
}
