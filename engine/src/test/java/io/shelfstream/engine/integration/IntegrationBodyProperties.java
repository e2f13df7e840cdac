package io.shelfstream.engine.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a client sends, reading it gives a spec or names what is wrong, and what it names can be
 * written back as JSON (no half surrogate pair, say): never another exception, never a crash.
 */
class IntegrationBodyProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<byte[]> bodies() {
    return ManagementBodies.any();
  }

  @Property(tries = 2000)
  void everyBodyIsASpecOrNamedErrors(@ForAll("bodies") byte[] body) throws Exception {
    try {
      IntegrationSpec spec = IntegrationBodies.parse("it", body);
      assertThat(spec.settings().get("type").textValue()).isEqualTo(spec.type());
      assertThat(spec.settingsJson().length()).isLessThanOrEqualTo(IntegrationBodies.MAX_BYTES);
      JSON.writeValueAsBytes(spec);
      Statistics.collect("a spec");
    } catch (InvalidIntegrationException invalid) {
      Statistics.collect(
          invalid.errors().get(0).field().equals("body") ? "body refused" : "a field refused");
      assertThat(invalid.errors()).isNotEmpty();
      invalid.errors().forEach(error -> assertThat(error.field()).isNotBlank());
      assertThat(JSON.readTree(JSON.writeValueAsBytes(invalid.errors())).size())
          .isEqualTo(invalid.errors().size());
    }
  }
}
