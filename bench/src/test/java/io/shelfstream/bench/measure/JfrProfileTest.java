package io.shelfstream.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JfrProfileTest {
  /**
   * 30 of the jdk.ExecutionSample events of a node under HTTP load, as {@code jfr print --json
   * --stack-depth 1} printed them (bench-results/20261207-171955/profile-http.jfr).
   */
  @Test
  void samplesAreCountedByTheGroupAndTheMethodOfTheirTopFrame() throws Exception {
    String json =
        Files.readString(Path.of(getClass().getResource("/jfr-execution-samples.json").toURI()));

    JfrProfile.Summary profile = JfrProfile.summarise(json);

    assertThat(profile.samples()).isEqualTo(30);
    assertThat(profile.groups())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("JDK", 17L, "scala library", 4L, "pekko", 3L, "our code", 3L, "jackson", 3L));
    assertThat(profile.groups().keySet()).startsWith("JDK", "scala library");
    assertThat(profile.methods().entrySet().iterator().next())
        .isEqualTo(Map.entry("sun.security.provider.SHA2.implCompress0", 3L));
    assertThat(profile.topGroups(2)).isEqualTo("JDK 56.7%, scala library 13.3%");
  }

  @Test
  void aClassBelongsToTheFirstGroupItsPackageStartsWith() {
    assertThat(JfrProfile.groupOf("io.shelfstream.engine.dedupe.IdMemory")).isEqualTo("our code");
    assertThat(JfrProfile.groupOf("org.postgresql.core.PGStream")).isEqualTo("postgres driver");
    assertThat(JfrProfile.groupOf("com.sun.crypto.provider.AESCrypt")).isEqualTo("JDK");
    assertThat(JfrProfile.groupOf("slick.jdbc.JdbcBackend")).isEqualTo("other");
  }
}
